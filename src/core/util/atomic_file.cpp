#include "core/util/atomic_file.hpp"

#include <cstdio>
#include <cstdlib>
#include <unistd.h>

namespace backrelief {

AtomicFile::AtomicFile(std::filesystem::path path) : m_path(std::move(path)), m_temporary(m_path.string() + ".XXXXXX") {
  m_descriptor = mkstemp(m_temporary.data());
}

AtomicFile::~AtomicFile() {
  abandon();
}

bool AtomicFile::write(std::string_view data) {
  for (std::size_t done = 0; ok() && done < data.size();) {
    const ssize_t wrote = ::write(m_descriptor, data.data() + done, data.size() - done);
    if (wrote <= 0) {
      abandon();
    } else {
      done += static_cast<std::size_t>(wrote);
    }
  }
  return ok();
}

bool AtomicFile::commit() {
  if (!ok()) {
    return false;
  }
  const bool closed = close(m_descriptor) == 0;
  m_descriptor = -1;
  if (!closed || std::rename(m_temporary.c_str(), m_path.c_str()) != 0) {
    std::remove(m_temporary.c_str());
    return false;
  }
  return true;
}

void AtomicFile::abandon() {
  if (m_descriptor >= 0) {
    close(m_descriptor);
    m_descriptor = -1;
    std::remove(m_temporary.c_str());
  }
}

} // namespace backrelief
