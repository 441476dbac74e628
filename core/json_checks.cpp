// json_checks.cpp — see json_checks.h.
#include "core/json_checks.h"

#include <cmath>
#include <limits>

namespace crb::json_checks {

using nlohmann::json;

namespace {

// Offset of the first byte that breaks UTF-8, or npos.
size_t utf8_error_offset(std::string_view s) {
    const auto* p = reinterpret_cast<const unsigned char*>(s.data());
    const size_t n = s.size();
    size_t i = 0;
    while (i < n) {
        const unsigned char c = p[i];
        if (c < 0x80) {
            ++i;
            continue;
        }
        size_t len = 0;
        uint32_t cp = 0;
        if (c >= 0xC2 && c <= 0xDF) {
            len = 2;
            cp = c & 0x1F;
        } else if (c >= 0xE0 && c <= 0xEF) {
            len = 3;
            cp = c & 0x0F;
        } else if (c >= 0xF0 && c <= 0xF4) {
            len = 4;
            cp = c & 0x07;
        } else {
            return i;  // continuation byte, overlong lead (C0/C1) or F5..FF
        }
        if (i + len > n) return i;
        for (size_t k = 1; k < len; ++k) {
            const unsigned char cc = p[i + k];
            if ((cc & 0xC0) != 0x80) return i;
            cp = (cp << 6) | (cc & 0x3F);
        }
        if ((len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000)) return i;  // overlong
        if (cp >= 0xD800 && cp <= 0xDFFF) return i;                              // surrogate
        if (cp > 0x10FFFF) return i;
        i += len;
    }
    return std::string_view::npos;
}

}  // namespace

bool valid_utf8(std::string_view s) { return utf8_error_offset(s) == std::string_view::npos; }

int first_control_char(std::string_view s, bool allow_cr) {
    for (const char ch : s) {
        const auto c = static_cast<unsigned char>(ch);
        if (c >= 0x20) continue;
        if (c == '\n' || c == '\t' || (allow_cr && c == '\r')) continue;
        return c;
    }
    return -1;
}

std::string precheck(std::string_view text, size_t max_bytes, int max_depth) {
    if (text.size() > max_bytes) {
        return "input is " + std::to_string(text.size()) + " bytes; the limit is " +
               std::to_string(max_bytes / (1024 * 1024)) + " MB";
    }
    // Depth is scanned on the raw text so that a hostile 10,000-deep document never reaches the
    // (recursive) parser.
    int d = 0;
    bool in_string = false, escape = false;
    for (const char ch : text) {
        if (in_string) {
            if (escape) escape = false;
            else if (ch == '\\') escape = true;
            else if (ch == '"') in_string = false;
            continue;
        }
        if (ch == '"') {
            in_string = true;
        } else if (ch == '[' || ch == '{') {
            if (++d > max_depth) return "nesting deeper than " + std::to_string(max_depth) + " levels";
        } else if (ch == ']' || ch == '}') {
            --d;
        }
    }
    const size_t bad = utf8_error_offset(text);
    if (bad != std::string_view::npos) return "invalid UTF-8 at byte " + std::to_string(bad);
    return {};
}

namespace {

// A SAX consumer that accepts everything and keeps the parser's error.
struct ErrorLocator {
    std::string message, token;
    size_t position = 0;  // bytes read when the error was found
    int id = 0;           // nlohmann's error id: 101 syntax, 406 number overflow, ...
    bool null() { return true; }
    bool boolean(bool) { return true; }
    bool number_integer(json::number_integer_t) { return true; }
    bool number_unsigned(json::number_unsigned_t) { return true; }
    bool number_float(json::number_float_t, const json::string_t&) { return true; }
    bool string(json::string_t&) { return true; }
    bool binary(json::binary_t&) { return true; }
    bool start_object(std::size_t) { return true; }
    bool key(json::string_t&) { return true; }
    bool end_object() { return true; }
    bool start_array(std::size_t) { return true; }
    bool end_array() { return true; }
    bool parse_error(std::size_t pos, const std::string& tok, const nlohmann::detail::exception& ex) {
        message = ex.what();
        token = tok;
        position = pos;
        id = ex.id;
        return false;
    }
};

ErrorLocator locate_parse_error(std::string_view text) {
    ErrorLocator loc;
    json::sax_parse(text.begin(), text.end(), &loc);
    return loc;
}

std::string describe(const ErrorLocator& loc, std::string_view text) {
    std::string m = loc.message;
    // "[json.exception.parse_error.101] parse error at line 1, column 9: syntax error ..."
    const auto at = m.find("parse error at ");
    if (at != std::string::npos) return "invalid JSON " + m.substr(at + 12);
    const auto bracket = m.find("] ");
    if (bracket != std::string::npos) m = m.substr(bracket + 2);
    if (m.empty()) return "invalid JSON";
    // Messages without a place (number overflow): add line and column like the parser does.
    const size_t pos = loc.position < text.size() ? loc.position : text.size();
    size_t line = 1, line_start = 0;
    for (size_t i = 0; i < pos; ++i) {
        if (text[i] == '\n') ++line, line_start = i + 1;
    }
    return "invalid JSON at line " + std::to_string(line) + ", column " + std::to_string(pos - line_start) + ": " + m;
}

// A number literal too large for a double (1e309) is a parse error in nlohmann. Replace it by the
// largest double's magnitude, 1e308, so the document parses and the value meets the rule of its
// field (every numeric answer field has a far smaller range) and is reported with its path.
bool clamp_overflow(std::string& text, const ErrorLocator& loc) {
    if (loc.id != 406 || loc.token.empty() || loc.position > text.size()) return false;
    const size_t n = loc.token.size();
    for (size_t end = loc.position; end >= n && end + 2 >= loc.position; --end) {
        if (text.compare(end - n, n, loc.token) == 0) {
            text.replace(end - n, n, loc.token[0] == '-' ? "-1e308" : "1e308");
            return true;
        }
    }
    return false;
}

constexpr int kMaxClampedNumbers = 16;

}  // namespace

json parse_or_discarded(std::string_view text) {
    json j;
    nlohmann::detail::json_sax_dom_parser<json> sax(j, false);
    if (!json::sax_parse(text.begin(), text.end(), &sax)) return json(json::value_t::discarded);
    return j;
}

std::optional<json> parse(std::string_view text, std::string& error, size_t max_bytes) {
    error = precheck(text, max_bytes);
    if (!error.empty()) return std::nullopt;
    std::string clamped;  // a copy only when a number had to be clamped
    std::string_view current = text;
    for (int attempt = 0;; ++attempt) {
        json j = parse_or_discarded(current);
        if (!j.is_discarded()) return j;
        const ErrorLocator loc = locate_parse_error(current);
        if (loc.id == 406 && attempt < kMaxClampedNumbers) {
            if (clamped.empty()) clamped.assign(text);
            if (clamp_overflow(clamped, loc)) {
                current = clamped;
                continue;
            }
        }
        error = describe(loc, current);
        return std::nullopt;
    }
}

std::string child(const std::string& pointer, std::string_view token) {
    std::string out = pointer;
    out.reserve(pointer.size() + token.size() + 1);
    out += '/';
    for (const char c : token) {
        if (c == '~') out += "~0";
        else if (c == '/') out += "~1";
        else out += c;
    }
    return out;
}

std::string child(const std::string& pointer, size_t index) { return pointer + "/" + std::to_string(index); }

std::optional<int64_t> as_integer(const json& j) {
    if (j.is_number_unsigned()) {
        const auto u = j.get<json::number_unsigned_t>();
        if (u > static_cast<uint64_t>(std::numeric_limits<int64_t>::max())) return std::nullopt;
        return static_cast<int64_t>(u);
    }
    if (j.is_number_integer()) return j.get<json::number_integer_t>();
    if (j.is_number_float()) {
        const double d = j.get<double>();
        if (!std::isfinite(d) || std::floor(d) != d) return std::nullopt;
        if (d < -9.0e15 || d > 9.0e15) return std::nullopt;
        return static_cast<int64_t>(d);
    }
    return std::nullopt;
}

int depth(const json& j, int stop_at) {
    if (!j.is_structured() || stop_at <= 0) return 0;
    int deepest = 0;
    for (const auto& v : j) {
        const int d = depth(v, stop_at - 1);
        if (d > deepest) deepest = d;
    }
    return deepest + 1;
}

bool is_content_id(std::string_view s) {
    if (s.empty() || s.size() > 40) return false;
    if (s[0] < 'a' || s[0] > 'z') return false;
    for (const char c : s) {
        const bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
        if (!ok) return false;
    }
    return true;
}

bool split_pointer(std::string_view pointer, std::vector<std::string>& tokens) {
    tokens.clear();
    if (pointer.empty()) return true;
    if (pointer[0] != '/') return false;
    std::string cur;
    for (size_t i = 1; i <= pointer.size(); ++i) {
        if (i == pointer.size() || pointer[i] == '/') {
            tokens.push_back(cur);
            cur.clear();
            continue;
        }
        const char c = pointer[i];
        if (c == '~') {
            if (i + 1 >= pointer.size()) return false;
            const char e = pointer[++i];
            if (e == '0') cur += '~';
            else if (e == '1') cur += '/';
            else return false;
        } else {
            cur += c;
        }
    }
    return true;
}

std::optional<size_t> array_index(std::string_view token) {
    if (token.empty() || token.size() > 9) return std::nullopt;
    if (token.size() > 1 && token[0] == '0') return std::nullopt;
    size_t v = 0;
    for (const char c : token) {
        if (c < '0' || c > '9') return std::nullopt;
        v = v * 10 + static_cast<size_t>(c - '0');
    }
    return v;
}

}  // namespace crb::json_checks
