// text.cpp — see text.h.
#include "core/text.h"

namespace crb {

std::string unit_title_line(const Unit& unit, Lang lang, const Strings& strings) {
    return strings.get(lang, "unit") + " " + std::to_string(unit.number) + ". " + unit.title.get(lang);
}

std::vector<NarrationChunk> narration(const Unit& unit, Lang lang, const Strings& strings) {
    std::vector<NarrationChunk> chunks;
    const std::string title = unit_title_line(unit, lang, strings);
    chunks.push_back({"", title, title});
    for (const auto& s : unit.sections) {
        NarrationChunk c{s.id, s.heading.get(lang), s.heading.get(lang)};
        for (const auto& b : s.blocks) {
            c.text += "\n\n";
            if (b.type == Block::Type::paragraph) {
                c.text += b.text.get(lang);
                continue;
            }
            for (size_t i = 0; i < b.items.size(); ++i) {
                if (i) c.text += '\n';
                c.text += "\xE2\x80\xA2 " + b.items[i].get(lang);  // "• "
            }
        }
        chunks.push_back(std::move(c));
    }
    return chunks;
}

std::string unit_text(const Unit& unit, Lang lang, const Strings& strings) {
    std::string out;
    for (const auto& c : narration(unit, lang, strings)) {
        if (!out.empty()) out += "\n\n";
        out += c.text;
    }
    out += '\n';
    return out;
}

}  // namespace crb
