// summary_cmd.cpp — `crb summary`: a class's exported workbooks aggregated per exercise.
//
//   crb summary A.json B.json ... [--json] [--lang en|pl] [--content DIR]
//
// Files that cannot be read or are not valid workbooks are named on stderr with the reason and
// skipped; the exit code is 1 only when no file could be loaded.
#include <algorithm>
#include <iostream>
#include <string>
#include <vector>

#include "core/summary.h"
#include "tools/crb/commands.h"

int crb_summary(const std::vector<std::string>& in) {
    std::vector<std::string> args = in;
    const std::string dir = crb::cli::take_content_dir(args);
    const auto lang = crb::cli::take_lang(args);
    if (!lang) return 2;
    const auto json_flag = std::find(args.begin(), args.end(), "--json");
    const bool as_json = json_flag != args.end();
    if (as_json) args.erase(json_flag);
    if (crb::cli::reject_leftover_options("summary", args)) return 2;
    if (args.empty()) {
        std::cerr << "usage: crb summary WORKBOOK.json... [--json] [--lang en|pl] [--content DIR]\n";
        return 2;
    }
    crb::Course course;
    if (!crb::cli::load_content(dir, course)) return 1;
    const crb::LoadedWorkbooks loaded = crb::load_workbook_files(args, course);
    for (const auto& e : loaded.errors) std::cerr << "crb summary: skipped " << e << '\n';
    if (loaded.workbooks.empty()) {
        std::cerr << "crb summary: no workbook could be loaded\n";
        return 1;
    }
    const crb::ClassSummary summary = crb::summarize(course, loaded.workbooks);
    if (as_json) {
        std::cout
            << crb::summary_json(summary, *lang).dump(2, ' ', false, nlohmann::json::error_handler_t::replace)
            << '\n';
    } else {
        std::cout << crb::summary_text(summary, *lang);
    }
    return std::cout.good() ? 0 : 1;
}
