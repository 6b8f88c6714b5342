#include "cli/output/check_output.hpp"

#include "report/json_document.hpp"
#include "report/json_writer.hpp"

#include <fmt/format.h>

namespace backrelief::cli {

namespace {

void write_diagnostics(JsonWriter& json, const std::vector<Diagnostic>& diagnostics) {
  json.begin_array();
  for (const Diagnostic& diagnostic : diagnostics) {
    json.begin_object();
    if (diagnostic.where.file.empty()) {
      json.key("file").null();
    } else {
      json.member("file", diagnostic.where.file);
    }
    json.key("line").value(diagnostic.where.line > 0 ? std::optional<int>(diagnostic.where.line) : std::nullopt);
    json.key("column").value(diagnostic.where.column > 0 ? std::optional<int>(diagnostic.where.column) : std::nullopt);
    json.member("message", diagnostic.field.empty() ? diagnostic.message
                                                    : fmt::format("{}: {}", diagnostic.field, diagnostic.message));
    json.end_object();
  }
  json.end_array();
}

// A path as a URI reference: relative paths stay relative (to the directory the check ran in,
// which code-scanning tools take as the repository's root), absolute ones become file: URIs.
// Bytes outside the unreserved set and '/' are percent-encoded.
std::string uri_of(std::string_view path) {
  std::string uri = path.starts_with('/') ? "file://" : "";
  for (const char c : path) {
    const auto byte = static_cast<unsigned char>(c);
    if ((byte >= 'a' && byte <= 'z') || (byte >= 'A' && byte <= 'Z') || (byte >= '0' && byte <= '9') || c == '-' ||
        c == '.' || c == '_' || c == '~' || c == '/') {
      uri += c;
    } else {
      uri += fmt::format("%{:02X}", byte);
    }
  }
  return uri;
}

void write_results(JsonWriter& json, const std::vector<Diagnostic>& diagnostics, std::string_view rule,
                   std::string_view level) {
  for (const Diagnostic& diagnostic : diagnostics) {
    json.begin_object().member("ruleId", rule).member("level", level);
    json.key("message").begin_object();
    json.member("text", diagnostic.field.empty() ? diagnostic.message
                                                 : fmt::format("{}: {}", diagnostic.field, diagnostic.message));
    json.end_object();
    if (!diagnostic.where.file.empty()) {
      json.key("locations").begin_array().begin_object().key("physicalLocation").begin_object();
      json.key("artifactLocation").begin_object().member("uri", uri_of(diagnostic.where.file)).end_object();
      if (diagnostic.where.line > 0) {
        json.key("region").begin_object().member("startLine", diagnostic.where.line);
        if (diagnostic.where.column > 0) {
          json.member("startColumn", diagnostic.where.column);
        }
        json.end_object();
      }
      json.end_object().end_object().end_array();
    }
    json.end_object();
  }
}

} // namespace

std::string format_check_json(const CheckReport& report) {
  JsonWriter json(2);
  json.begin_object().member("schema", k_json_schema_version).member("valid", report.errors.empty());
  json.key("errors");
  write_diagnostics(json, report.errors);
  json.key("warnings");
  write_diagnostics(json, report.warnings);
  json.key("counts");
  if (report.counts) {
    json.begin_object().member("techniques", report.counts->techniques).member("concepts", report.counts->concepts);
    json.member("rules", report.counts->rules).member("disabled", report.counts->disabled).end_object();
  } else {
    json.null();
  }
  json.end_object().raw("\n");
  return std::string(json.text());
}

std::string format_check_sarif(const CheckReport& report, std::string_view version) {
  JsonWriter json(2);
  json.begin_object().member("$schema", "https://json.schemastore.org/sarif-2.1.0.json").member("version", "2.1.0");
  json.key("runs").begin_array().begin_object();
  json.key("tool").begin_object().key("driver").begin_object();
  json.member("name", "backrelief").member("semanticVersion", version);
  json.member("informationUri", "https://backrelief.invalid/man/backrelief-rules.5");
  json.key("rules").begin_array();
  json.begin_object().member("id", "rule-file-error");
  json.key("shortDescription").begin_object().member("text", "A rule file that cannot be loaded").end_object();
  json.key("fullDescription").begin_object();
  json.member("text", "backrelief refuses the rule files until this is fixed: every command that reads them stops "
                      "with exit status 1.");
  json.end_object().end_object();
  json.begin_object().member("id", "rule-file-warning");
  json.key("shortDescription").begin_object().member("text", "A rule that may not do what was meant").end_object();
  json.key("fullDescription").begin_object();
  json.member("text", "A warning of rules check --strict: a rule that can never fire, a word set whose WordNet "
                      "expansion brings a doubtful word, a hint that asks too often.");
  json.end_object().end_object();
  json.end_array().end_object().end_object();
  json.key("results").begin_array();
  write_results(json, report.errors, "rule-file-error", "error");
  write_results(json, report.warnings, "rule-file-warning", "warning");
  json.end_array().end_object().end_array().end_object().raw("\n");
  return std::string(json.text());
}

} // namespace backrelief::cli
