#pragma once

#include "report/json_writer.hpp"

#include <cstddef>
#include <optional>
#include <string>

namespace backrelief {

/// The `schema` member of every JSON document and batch line backrelief writes; the JSON
/// Schemas under share/backrelief/schema/ describe it. Raised whenever a member changes type
/// or meaning: 2 made every `from` an array of strings (backrelief(1), JSON).
inline constexpr int k_json_schema_version = 2;

/// What a batch's document carries before its schema: the input line's number and the sender's
/// `id` and `meta`, each as JSON text echoed as sent. A document outside a batch has none.
struct RecordHead {
  std::optional<std::size_t> line;
  std::optional<std::string> id;
  std::optional<std::string> meta;
};

/// Opens a document's object and writes its head, then `schema`: line first, so a reader of a
/// batch sees which person it is before anything else.
void begin_document(JsonWriter& json, const RecordHead& head);

} // namespace backrelief
