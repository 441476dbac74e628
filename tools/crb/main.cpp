// main.cpp — `crb`, the project's command-line tool: checks the content, prints reading material and
// computes results natively, with the same core library as the app.
//
//   crb check   [--content DIR]                   validate content/ and the UI strings
//   crb text    N [--lang en|pl] [--content DIR]  unit N's reading material as plain text
//   crb results WORKBOOK.json [--lang en|pl] [--content DIR]
//                                                  every exercise's computed results as JSON
//   crb report, crb book, crb summary               HTML documents (report_cmd.cpp, summary_cmd.cpp)
#include <iostream>
#include <string>
#include <vector>

#include "core/results.h"
#include "core/text.h"
#include "tools/crb/commands.h"

namespace {

constexpr const char* kUsage =
    "usage: crb <command> [arguments]\n"
    "\n"
    "  check   [--content DIR]                        validate every content file and the UI strings\n"
    "  text    N [--lang en|pl] [--content DIR]       print unit N's reading material\n"
    "  results WORKBOOK.json [--lang en|pl] [--content DIR]\n"
    "                                                 print every exercise's computed results as JSON\n"
    "  report  WORKBOOK.json [--lang en|pl] [--content DIR]\n"
    "                                                 print the workbook as a printable HTML report\n"
    "  book    N [--lang en|pl] [--content DIR]       print unit N's reading material as an HTML page\n"
    "  summary A.json B.json ... [--json] [--lang en|pl] [--content DIR]\n"
    "                                                 aggregate a class's workbooks per exercise (HTML, or JSON)\n"
    "\n"
    "The content folder defaults to the nearest content/ above the current directory or the program.\n";

using crb::cli::reject_leftover_options;

}  // namespace

int crb_check(const std::vector<std::string>& in) {
    std::vector<std::string> args = in;
    const std::string dir = crb::cli::take_content_dir(args);
    if (reject_leftover_options("check", args)) return 2;
    if (!args.empty()) {
        std::cerr << "crb check: unexpected argument " << args.front() << '\n';
        return 2;
    }
    if (crb::cli::content_dir_missing(dir)) return 1;
    const crb::LoadResult r = crb::load_course_dir(dir);
    std::vector<std::string> errors = r.errors;
    crb::Strings strings;
    crb::load_strings_dir(dir, strings, errors);
    // Parity only means something once both files were read.
    if (!strings.keys(crb::Lang::en).empty() && !strings.keys(crb::Lang::pl).empty()) {
        for (const auto& m : crb::missing_string_keys(strings)) errors.push_back(dir + "/i18n: " + m);
    }

    for (const auto& w : r.warnings) std::cout << "warning: " << w << '\n';
    for (const auto& e : errors) std::cout << e << '\n';
    const std::string warn = r.warnings.empty() ? "" : " (" + std::to_string(r.warnings.size()) + " warnings)";
    if (!errors.empty()) {
        std::cout << errors.size() << (errors.size() == 1 ? " error" : " errors") << warn << '\n';
        return 1;
    }
    std::cout << r.course.units.size() << " units, " << r.course.exercise_count() << " exercises, 0 errors" << warn << '\n';
    return 0;
}

int crb_text(const std::vector<std::string>& in) {
    std::vector<std::string> args = in;
    const std::string dir = crb::cli::take_content_dir(args);
    const auto lang = crb::cli::take_lang(args);
    if (!lang) return 2;
    if (reject_leftover_options("text", args)) return 2;
    if (args.size() != 1) {
        std::cerr << "usage: crb text N [--lang en|pl] [--content DIR]\n";
        return 2;
    }
    int number = 0;
    for (const char c : args[0]) {
        if (c < '0' || c > '9' || number > 1000) {
            std::cerr << "crb text: expected a unit number, got \"" << args[0] << "\"\n";
            return 2;
        }
        number = number * 10 + (c - '0');
    }
    crb::Course course;
    crb::Strings strings;
    if (!crb::cli::load_content(dir, course, &strings)) return 1;
    const crb::Unit* unit = course.unit_by_number(number);
    if (!unit) {
        std::cerr << "crb text: there is no unit " << args[0] << " (units 1-" << course.units.size() << ")\n";
        return 1;
    }
    std::cout << crb::unit_text(*unit, *lang, strings);
    return 0;
}

int crb_results(const std::vector<std::string>& in) {
    std::vector<std::string> args = in;
    const std::string dir = crb::cli::take_content_dir(args);
    const auto lang = crb::cli::take_lang(args);
    if (!lang) return 2;
    if (reject_leftover_options("results", args)) return 2;
    if (args.size() != 1) {
        std::cerr << "usage: crb results WORKBOOK.json [--lang en|pl] [--content DIR]\n";
        return 2;
    }
    crb::Course course;
    if (!crb::cli::load_content(dir, course)) return 1;
    crb::Workbook wb;
    if (!crb::cli::load_workbook_file(args[0], course, wb)) return 1;
    std::cout << crb::compute_results(course, wb, *lang).dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
    return 0;
}

int main(int argc, char** argv) {
    if (argc < 2) {
        std::cerr << kUsage;
        return 2;
    }
    const std::string command = argv[1];
    const std::vector<std::string> args(argv + 2, argv + argc);
    if (command == "check") return crb_check(args);
    if (command == "text") return crb_text(args);
    if (command == "results") return crb_results(args);
    if (command == "report") return crb_report(args);
    if (command == "book") return crb_book(args);
    if (command == "summary") return crb_summary(args);
    if (command == "-h" || command == "--help" || command == "help") {
        std::cout << kUsage;
        return 0;
    }
    std::cerr << "crb: unknown command \"" << command << "\"\n\n" << kUsage;
    return 2;
}
