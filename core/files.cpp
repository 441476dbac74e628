// files.cpp — the native file-system helpers of core: reading the content folder and FileKeyValue.
// Kept apart so that the web build, which never calls them, links none of <filesystem>.
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <system_error>

#include "core/content.h"
#include "core/i18n.h"
#include "core/store.h"

namespace crb {

namespace fs = std::filesystem;

bool read_file(const std::string& path, std::string& out) {
    out.clear();
    std::error_code ec;
    if (!fs::is_regular_file(path, ec)) return false;
    std::FILE* f = std::fopen(path.c_str(), "rb");
    if (!f) return false;
    char buf[65536];
    size_t n;
    while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) out.append(buf, n);
    const bool ok = !std::ferror(f);
    std::fclose(f);
    return ok;
}

namespace {

// "unit12.json" -> 12, else 0.
int unit_file_number(const std::string& base) {
    if (base.size() < 10 || base.compare(0, 4, "unit") != 0 || base.compare(base.size() - 5, 5, ".json") != 0) return 0;
    const std::string digits = base.substr(4, base.size() - 9);
    if (digits.empty() || digits.size() > 3 || digits[0] == '0') return 0;
    if (!std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; })) return 0;
    return std::stoi(digits);
}

std::string display_dir(const std::string& dir) {
    fs::path p(dir);
    if (!p.has_filename()) p = p.parent_path();  // "content/" -> "content"
    const std::string name = p.filename().string();
    return name.empty() || name == "." ? "." : name;
}

}  // namespace

LoadResult load_course_dir(const std::string& dir) {
    std::error_code ec;
    std::vector<std::pair<int, fs::path>> found;
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
        const std::string base = it->path().filename().string();
        if (const int n = unit_file_number(base); n > 0) found.emplace_back(n, it->path());
    }
    if (ec) {
        LoadResult r;
        r.errors.push_back(dir + ": cannot read the folder (" + ec.message() + ")");
        return r;
    }
    std::sort(found.begin(), found.end());
    std::vector<SourceFile> files;
    std::vector<std::string> read_errors;
    const std::string shown = display_dir(dir);
    for (const auto& [n, path] : found) {
        SourceFile f;
        f.name = shown + "/" + path.filename().string();
        if (!read_file(path.string(), f.text)) {
            read_errors.push_back(f.name + ": cannot read the file");
            continue;
        }
        files.push_back(std::move(f));
    }
    if (files.empty() && read_errors.empty()) {
        LoadResult r;
        r.errors.push_back(dir + ": no unit files (unit1.json, unit2.json, ...)");
        return r;
    }
    LoadResult r = load_course(files);
    if (!read_errors.empty()) {
        r.errors.insert(r.errors.begin(), read_errors.begin(), read_errors.end());
        r.course = Course{};
    }
    return r;
}

bool load_strings_dir(const std::string& content_dir, Strings& strings, std::vector<std::string>& errors) {
    bool ok = true;
    const std::string shown = display_dir(content_dir);
    for (const Lang l : kLangs) {
        const std::string file = std::string(lang_code(l)) + ".json";
        const std::string path = (fs::path(content_dir) / "i18n" / file).string();
        const std::string name = shown + "/i18n/" + file;
        std::string text;
        if (!read_file(path, text)) {
            errors.push_back(name + ": cannot read the file");
            ok = false;
            continue;
        }
        ok = strings.load(l, name, text, errors) && ok;
    }
    return ok;
}

// FileKeyValue -------------------------------------------------------------------------------------

namespace {

std::string encode_key(const std::string& key) {
    static const char hex[] = "0123456789ABCDEF";
    std::string out;
    for (const char ch : key) {
        const auto c = static_cast<unsigned char>(ch);
        const bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                           c == '-' || c == '_' || (c == '.' && !out.empty());
        if (plain) {
            out += ch;
        } else {
            out += '%';
            out += hex[c >> 4];
            out += hex[c & 15];
        }
    }
    return out;
}

std::optional<std::string> decode_key(const std::string& name) {
    std::string out;
    for (size_t i = 0; i < name.size(); ++i) {
        if (name[i] != '%') {
            out += name[i];
            continue;
        }
        if (i + 2 >= name.size()) return std::nullopt;
        auto nib = [](char c) -> int {
            if (c >= '0' && c <= '9') return c - '0';
            if (c >= 'A' && c <= 'F') return c - 'A' + 10;
            return -1;
        };
        const int hi = nib(name[i + 1]), lo = nib(name[i + 2]);
        if (hi < 0 || lo < 0) return std::nullopt;
        out += static_cast<char>(hi * 16 + lo);
        i += 2;
    }
    return out;
}

constexpr const char* kTempSuffix = ".tmp~";

}  // namespace

FileKeyValue::FileKeyValue(std::string dir) : dir_(std::move(dir)) {
    std::error_code ec;
    fs::create_directories(dir_, ec);
    usable_ = fs::is_directory(dir_, ec);
}

std::string FileKeyValue::path_for(const std::string& key) const { return (fs::path(dir_) / encode_key(key)).string(); }

std::optional<std::string> FileKeyValue::get(const std::string& key) {
    std::string text;
    if (!usable_ || !read_file(path_for(key), text)) return std::nullopt;
    return text;
}

bool FileKeyValue::set(const std::string& key, const std::string& value) {
    if (!usable_) return false;
    const std::string path = path_for(key);
    const std::string tmp = path + kTempSuffix;
    std::FILE* f = std::fopen(tmp.c_str(), "wb");
    if (!f) return false;
    const bool written = std::fwrite(value.data(), 1, value.size(), f) == value.size();
    const bool flushed = std::fflush(f) == 0;
    const bool closed = std::fclose(f) == 0;
    std::error_code ec;
    if (!written || !flushed || !closed) {
        fs::remove(tmp, ec);
        return false;
    }
    fs::rename(tmp, path, ec);
    if (ec) {
        fs::remove(tmp, ec);
        return false;
    }
    return true;
}

void FileKeyValue::remove(const std::string& key) {
    std::error_code ec;
    fs::remove(path_for(key), ec);
}

std::vector<std::string> FileKeyValue::keys() {
    std::vector<std::string> out;
    std::error_code ec;
    for (fs::directory_iterator it(dir_, ec), end; !ec && it != end; it.increment(ec)) {
        const std::string name = it->path().filename().string();
        const std::string_view suffix = kTempSuffix;
        if (name.size() >= suffix.size() && name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0) continue;
        if (auto key = decode_key(name)) out.push_back(std::move(*key));
    }
    std::sort(out.begin(), out.end());
    return out;
}

}  // namespace crb
