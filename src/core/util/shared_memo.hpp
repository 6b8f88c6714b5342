#pragma once

#include <cstddef>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>

namespace backrelief {

/// Answers remembered by text key, up to a bound, that many threads may read and add to at once:
/// a rule set is shared by the threads of a program that embeds the library, and each remembers
/// what it looked up for the others. A copy or a move takes the entries, never the lock.
template <class Value>
class SharedMemo {
public:
  explicit SharedMemo(std::size_t limit) : m_limit(limit) {}
  SharedMemo(const SharedMemo& other) : m_limit(other.m_limit), m_entries(other.entries()) {}
  SharedMemo(SharedMemo&& other) noexcept : m_limit(other.m_limit), m_entries(std::move(other.m_entries)) {}
  SharedMemo& operator=(const SharedMemo& other) {
    if (this != &other) {
      auto entries = other.entries();
      const std::lock_guard lock(m_lock);
      m_limit = other.m_limit;
      m_entries = std::move(entries);
    }
    return *this;
  }
  SharedMemo& operator=(SharedMemo&& other) noexcept {
    const std::lock_guard lock(m_lock);
    m_limit = other.m_limit;
    m_entries = std::move(other.m_entries);
    return *this;
  }
  ~SharedMemo() = default;

  /// The answer remembered for `key`, if any.
  [[nodiscard]] std::optional<Value> find(const std::string& key) const {
    const std::lock_guard lock(m_lock);
    const auto found = m_entries.find(key);
    return found == m_entries.end() ? std::nullopt : std::optional<Value>(found->second);
  }

  /// Remembers an answer, unless the bound is reached (then it is worked out again next time).
  void remember(std::string key, Value value) const {
    const std::lock_guard lock(m_lock);
    if (m_entries.size() < m_limit) {
      m_entries.emplace(std::move(key), std::move(value));
    }
  }

private:
  [[nodiscard]] std::unordered_map<std::string, Value> entries() const {
    const std::lock_guard lock(m_lock);
    return m_entries;
  }

  std::size_t m_limit;
  mutable std::mutex m_lock;
  mutable std::unordered_map<std::string, Value> m_entries;
};

} // namespace backrelief
