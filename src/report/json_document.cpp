#include "report/json_document.hpp"

namespace backrelief {

void begin_document(JsonWriter& json, const RecordHead& head) {
  json.begin_object();
  if (head.line) {
    json.member("line", *head.line);
  }
  if (head.id) {
    json.key("id").json_text(*head.id);
  }
  if (head.meta) {
    json.key("meta").json_text(*head.meta);
  }
  json.member("schema", k_json_schema_version);
}

} // namespace backrelief
