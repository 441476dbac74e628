// common.cpp — helpers shared by the subcommands of `crb` (see commands.h).
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <system_error>

#include "tools/crb/commands.h"

namespace crb::cli {

namespace fs = std::filesystem;

std::optional<std::string> take_option(std::vector<std::string>& args, const std::string& name, bool* missing_value) {
    const std::string flag = "--" + name;
    for (size_t i = 0; i < args.size(); ++i) {
        if (args[i] == flag) {
            if (i + 1 >= args.size()) {
                if (missing_value) *missing_value = true;
                args.erase(args.begin() + static_cast<std::ptrdiff_t>(i));
                return std::nullopt;
            }
            std::string v = args[i + 1];
            args.erase(args.begin() + static_cast<std::ptrdiff_t>(i), args.begin() + static_cast<std::ptrdiff_t>(i) + 2);
            return v;
        }
        if (args[i].compare(0, flag.size() + 1, flag + "=") == 0) {
            std::string v = args[i].substr(flag.size() + 1);
            args.erase(args.begin() + static_cast<std::ptrdiff_t>(i));
            return v;
        }
    }
    return std::nullopt;
}

std::optional<Lang> take_lang(std::vector<std::string>& args) {
    bool missing = false;
    const auto v = take_option(args, "lang", &missing);
    if (missing) {
        std::cerr << "crb: --lang needs a value: en or pl\n";
        return std::nullopt;
    }
    if (!v) return Lang::en;
    const auto l = parse_lang(*v);
    if (!l) std::cerr << "crb: unknown language \"" << *v << "\" (expected en or pl)\n";
    return l;
}

namespace {

bool has_units(const fs::path& dir) {
    std::error_code ec;
    return fs::is_regular_file(dir / "unit1.json", ec) || fs::is_directory(dir / "i18n", ec);
}

std::optional<std::string> search_up(fs::path from) {
    std::error_code ec;
    for (int depth = 0; depth < 12 && !from.empty(); ++depth) {
        if (has_units(from / "content")) return (from / "content").string();
        const fs::path parent = from.parent_path();
        if (parent == from) break;
        from = parent;
    }
    return std::nullopt;
}

}  // namespace

std::string take_content_dir(std::vector<std::string>& args) {
    if (auto v = take_option(args, "content")) return *v;
    if (const char* env = std::getenv("CRB_CONTENT_DIR"); env && *env) return env;
    std::error_code ec;
    if (auto found = search_up(fs::current_path(ec))) {
        // Prefer the relative "content" when it is the one right here: shorter messages.
        if (fs::equivalent(*found, "content", ec)) return "content";
        return *found;
    }
    const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    if (!ec) {
        if (auto found = search_up(exe.parent_path())) return *found;
    }
    return "content";
}

bool content_dir_missing(const std::string& dir) {
    std::error_code ec;
    if (fs::is_directory(dir, ec)) return false;
    std::cerr << "crb: no content folder at \"" << dir << "\" (searched for content/ above the current directory "
              << "and above the program); pass --content DIR\n";
    return true;
}

bool load_content(const std::string& dir, Course& course, Strings* strings) {
    if (content_dir_missing(dir)) return false;
    LoadResult r = load_course_dir(dir);
    for (const auto& e : r.errors) std::cerr << e << '\n';
    bool ok = r.ok();
    if (strings) {
        std::vector<std::string> errors;
        ok = load_strings_dir(dir, *strings, errors) && ok;
        for (const auto& e : errors) std::cerr << e << '\n';
    }
    if (!r.ok()) std::cerr << "crb: the content in " << dir << " is not valid (run `crb check`)\n";
    course = std::move(r.course);
    return ok;
}

bool load_workbook_file(const std::string& path, const Course& course, Workbook& wb) {
    std::string text;
    if (!read_file(path, text)) {
        std::cerr << "crb: cannot read " << path << '\n';
        return false;
    }
    WorkbookParse p = parse_workbook(text, course);
    if (!p.workbook) {
        for (const auto& e : p.errors) std::cerr << path << ": " << e << '\n';
        return false;
    }
    if (p.migrated()) std::cerr << path << ": note: schema " << p.schema << " workbook, read as schema " << kWorkbookSchema << '\n';
    for (const auto& o : p.orphaned) std::cerr << path << ": note: answer kept for an exercise the course no longer has: " << o << '\n';
    wb = std::move(*p.workbook);
    return true;
}

bool reject_leftover_options(const std::string& command, const std::vector<std::string>& args) {
    for (const auto& a : args) {
        if (a.size() > 1 && a[0] == '-') {
            std::cerr << "crb " << command << ": unknown option " << a << '\n';
            return true;
        }
    }
    return false;
}

}  // namespace crb::cli
