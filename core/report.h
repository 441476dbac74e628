// report.h — printable, standalone HTML documents: the learner's workbook report and a unit's "book".
//
// Both are complete HTML5 pages with an embedded print stylesheet (A4, a page break before each unit,
// system fonts only) and no script or external resource, so they can be saved, mailed, opened from
// disk and printed to PDF anywhere. Every text from the workbook is HTML-escaped; content and UI
// strings are escaped too, so an "&" in a title cannot break the markup. Numbers go through
// calc::format_number (comma decimal separator in Polish). Results come from compute_results(), the
// same numbers the app shows.
//
// Accessibility (WCAG 2.1 AA): lang attribute, one h1 then h2 per unit and h3 per exercise (h4 for
// parts of an exercise), tables with captions and <th scope>, colours with at least 4.5:1 contrast and
// never the only carrier of meaning.
#pragma once

#include <string>
#include <string_view>

#include "core/content.h"
#include "core/i18n.h"
#include "core/workbook.h"

namespace crb {

// The whole workbook: a cover page (name, last-saved date, an overview of every unit's progress), then
// one page per unit with each exercise's answers and its computed results.
std::string render_report(const Course& course, const Workbook& wb, Lang lang, const Strings& strings);

// A unit's reading material: title, learning outcomes, a contents list and every section.
// `unit_id` is "unit2"; an unknown id gives an empty string.
std::string render_book(const Course& course, const std::string& unit_id, Lang lang, const Strings& strings);

// Escapes & < > " ' for use in HTML text and attribute values.
std::string html_escape(std::string_view text);
void html_escape_append(std::string& out, std::string_view text);  // the same, appended to out

}  // namespace crb
