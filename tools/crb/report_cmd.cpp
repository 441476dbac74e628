// report_cmd.cpp — `crb report` (a workbook as a printable HTML report) and `crb book` (a unit's
// reading material as a printable HTML page). Both write the document to stdout:
//
//   crb report WORKBOOK.json [--lang en|pl] [--content DIR] > report.html
//   crb book   N             [--lang en|pl] [--content DIR] > unit2.html
#include <iostream>
#include <string>
#include <vector>

#include "core/report.h"
#include "tools/crb/commands.h"

int crb_report(const std::vector<std::string>& in) {
    std::vector<std::string> args = in;
    const std::string dir = crb::cli::take_content_dir(args);
    const auto lang = crb::cli::take_lang(args);
    if (!lang) return 2;
    if (crb::cli::reject_leftover_options("report", args)) return 2;
    if (args.size() != 1) {
        std::cerr << "usage: crb report WORKBOOK.json [--lang en|pl] [--content DIR]\n";
        return 2;
    }
    crb::Course course;
    crb::Strings strings;
    if (!crb::cli::load_content(dir, course, &strings)) return 1;
    crb::Workbook wb;
    if (!crb::cli::load_workbook_file(args[0], course, wb)) return 1;
    std::cout << crb::render_report(course, wb, *lang, strings);
    return std::cout.good() ? 0 : 1;
}

int crb_book(const std::vector<std::string>& in) {
    std::vector<std::string> args = in;
    const std::string dir = crb::cli::take_content_dir(args);
    const auto lang = crb::cli::take_lang(args);
    if (!lang) return 2;
    if (crb::cli::reject_leftover_options("book", args)) return 2;
    if (args.size() != 1) {
        std::cerr << "usage: crb book N [--lang en|pl] [--content DIR]\n";
        return 2;
    }
    int number = 0;
    for (const char c : args[0]) {
        if (c < '0' || c > '9' || number > 1000) {
            std::cerr << "crb book: expected a unit number, got \"" << args[0] << "\"\n";
            return 2;
        }
        number = number * 10 + (c - '0');
    }
    crb::Course course;
    crb::Strings strings;
    if (!crb::cli::load_content(dir, course, &strings)) return 1;
    const crb::Unit* unit = course.unit_by_number(number);
    if (!unit) {
        std::cerr << "crb book: there is no unit " << args[0] << " (units 1-" << course.units.size() << ")\n";
        return 1;
    }
    std::cout << crb::render_book(course, unit->id, *lang, strings);
    return std::cout.good() ? 0 : 1;
}
