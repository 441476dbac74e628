// text.h — a unit's reading material as plain text: what the narration reads and `crb text` prints.
//
// Layout: "Unit 2. <title>", then for each section its heading and its blocks, paragraphs as they
// are and list items as "• item", with a blank line between headings, paragraphs and lists.
#pragma once

#include <string>
#include <vector>

#include "core/content.h"
#include "core/i18n.h"

namespace crb {

struct NarrationChunk {
    std::string section_id;  // "" for the unit title chunk
    std::string heading;     // the section heading (or the unit title line)
    std::string text;        // what is read: the heading, then the section's blocks
};

// "Unit 2. Managing business relationships remotely" ("Moduł 2. ..." in Polish; the word comes from
// the i18n key "unit").
std::string unit_title_line(const Unit& unit, Lang lang, const Strings& strings);

// The chunks in reading order: the title line first, then one per section. Joining the chunks'
// texts with a blank line and adding a final newline gives exactly unit_text().
std::vector<NarrationChunk> narration(const Unit& unit, Lang lang, const Strings& strings);

std::string unit_text(const Unit& unit, Lang lang, const Strings& strings);

}  // namespace crb
