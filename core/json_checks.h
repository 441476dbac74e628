// json_checks.h — small JSON helpers shared by the content loader, the workbook and the store.
//
// Everything here works with exceptions disabled (-fno-exceptions -DJSON_NOEXCEPTION): text is
// checked before nlohmann sees it (size, nesting depth, UTF-8), parsing never throws, and parse
// errors are located with a SAX pass so messages can say "line 3, column 7".
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

namespace crb::json_checks {

constexpr size_t kMaxInputBytes = 5u * 1024u * 1024u;  // whole document
constexpr int kMaxDepth = 64;                           // arrays + objects, the root counts as 1
constexpr size_t kMaxStringBytes = 100000;              // any single string value

// Returns an empty string when `text` may be handed to the parser, else why not: too large, nested
// too deeply, or not valid UTF-8. Cheap: one pass, no allocation.
std::string precheck(std::string_view text, size_t max_bytes = kMaxInputBytes, int max_depth = kMaxDepth);

// Parses after precheck(). On failure returns std::nullopt and sets `error` to a readable message
// ("invalid JSON at line 2, column 5: syntax error ..."). A number literal beyond the range of a
// double (1e309) is read as ±1e308, so that it fails the range rule of its field with the field's path
// instead of failing the whole parse (at most 16 such literals; beyond that it is a parse error).
std::optional<nlohmann::json> parse(std::string_view text, std::string& error,
                                    size_t max_bytes = kMaxInputBytes);

// Parses short texts the app itself wrote (page events, host messages): a discarded value when
// `text` is not JSON. One parser for every caller (this and parse()), without a callback.
nlohmann::json parse_or_discarded(std::string_view text);

// True when `s` is well-formed UTF-8 (no overlongs, no surrogates, nothing above U+10FFFF).
bool valid_utf8(std::string_view s);

// First control character other than \n and \t (and \r when allow_cr), or -1.
int first_control_char(std::string_view s, bool allow_cr = false);

// Appends one reference token to a JSON pointer, escaping '~' and '/'.
std::string child(const std::string& pointer, std::string_view token);
std::string child(const std::string& pointer, size_t index);

// Integer value of `j` when it is an integer, or a float with an integral value (3.0, -0.0), within
// int64 range. Anything else: nullopt.
std::optional<int64_t> as_integer(const nlohmann::json& j);

// Depth of a json value (a scalar is 0, [] is 1, [[1]] is 2).
int depth(const nlohmann::json& j, int stop_at = kMaxDepth + 1);

// "^[a-z][a-z0-9_]{0,39}$" — the id rule of the content format.
bool is_content_id(std::string_view s);

// Splits a JSON pointer into unescaped tokens. False when the pointer is malformed.
bool split_pointer(std::string_view pointer, std::vector<std::string>& tokens);

// Non-negative array index token ("0", "12"; not "01", "-1", "x"). nullopt otherwise.
std::optional<size_t> array_index(std::string_view token);

}  // namespace crb::json_checks
