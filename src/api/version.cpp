#include "report/json_document.hpp"

#include <backrelief/version.hpp>

namespace backrelief {

std::string_view library_version() noexcept {
  return BACKRELIEF_VERSION_STRING; // this translation unit is compiled with the library
}

int json_schema_version() noexcept {
  return k_json_schema_version;
}

} // namespace backrelief
