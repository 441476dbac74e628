// commands.h — the subcommands of the `crb` tool and the helpers they share.
//
// Each subcommand gets the arguments that follow its name, unchanged (options included), e.g. for
// `crb report wb.json --lang pl --content ../content` it receives {"wb.json", "--lang", "pl",
// "--content", "../content"}. It returns the process exit code: 0 success, 1 invalid input or
// content, 2 usage error. Messages for humans go to stderr, the requested output to stdout.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/content.h"
#include "core/i18n.h"
#include "core/workbook.h"

int crb_check(const std::vector<std::string>& args);    // main.cpp
int crb_text(const std::vector<std::string>& args);     // main.cpp
int crb_results(const std::vector<std::string>& args);  // main.cpp
int crb_report(const std::vector<std::string>& args);   // report_cmd.cpp: HTML report of one workbook
int crb_book(const std::vector<std::string>& args);     // report_cmd.cpp: a unit's reading as an HTML page
int crb_summary(const std::vector<std::string>& args);  // summary_cmd.cpp: several workbooks side by side

namespace crb::cli {

// Removes "--name VALUE" or "--name=VALUE" from args and returns VALUE. A "--name" without a value
// sets `missing_value` (when given) and returns nullopt.
std::optional<std::string> take_option(std::vector<std::string>& args, const std::string& name,
                                       bool* missing_value = nullptr);

// Removes --lang (default en). nullopt (after printing why) when the value is not en or pl.
std::optional<Lang> take_lang(std::vector<std::string>& args);

// Removes --content DIR and returns it; without it: $CRB_CONTENT_DIR, else the nearest "content"
// folder holding unit files above the current directory, else above the executable, else "content".
std::string take_content_dir(std::vector<std::string>& args);

// True (after printing a hint to use --content) when `dir` is not a folder.
bool content_dir_missing(const std::string& dir);

// Loads and validates the course (and, when `strings` is given, the UI strings). On failure prints
// every error to stderr and returns false.
bool load_content(const std::string& dir, Course& course, Strings* strings = nullptr);

// Reads and validates a workbook file against the course; prints errors (and orphan/migration notes)
// to stderr. False when the file cannot be read or is not a valid workbook.
bool load_workbook_file(const std::string& path, const Course& course, Workbook& wb);

// True (after printing "crb <command>: unexpected argument ...") when args still holds an option.
bool reject_leftover_options(const std::string& command, const std::vector<std::string>& args);

}  // namespace crb::cli
