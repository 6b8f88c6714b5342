#pragma once

namespace backrelief::cli {

/// The `schema` member of every JSON document and batch line backrelief writes; the JSON
/// Schemas under share/backrelief/schema/ describe it. Raised whenever a member changes type
/// or meaning: 2 made every `from` an array of strings (backrelief(1), JSON).
inline constexpr int k_json_schema_version = 2;

} // namespace backrelief::cli
