// fuzz_entry.h — what each fuzz target does with one input, shared by the libFuzzer binaries
// (tools/fuzz/fuzz_workbook.cpp, fuzz_content.cpp, fuzz_lzma.cpp, fuzz_course_pack.cpp) and the corpus replay in the normal unit tests
// (tests/unit/test_fuzz_corpus.cpp), so a crash found by `./dev fuzz` and saved into
// tools/fuzz/corpus/<target>/ stays a regression test forever.
//
// Besides "no crash, no sanitizer report", each entry checks properties that must hold for ANY
// input, and returns a description of the first one broken ("" when all hold):
//   workbook (parse_workbook against the shipped course = an import or a stored entry):
//     - a rejection always says why;
//     - an accepted workbook serialises to text that parses back to the same text (stable);
//     - results, progress, the class summary and the HTML report can be computed for it, and the
//       report contains no "<script" (every learner text is escaped);
//     - stored under crb:wb:<id>, WorkbookStore::open() either loads it or keeps the exact text
//       under a backup key: no answer is ever silently dropped.
//   lzma (lzma_decode on any bytes: 1 byte of properties, 2 of output size, then the stream):
//     - decoding is deterministic, and a stream that yields N bytes also yields its first N-1.
//   course_pack (read_course_pack on any bytes: what the web app reads at start):
//     - a rejection always says why, and leaves an empty course;
//     - an accepted pack writes back to a pack that reads as the same course.
//   content (load_course on one unit file):
//     - a rejection always says why, and leaves an empty course;
//     - a loaded unit renders (book, narration) and every exercise's initial answer is valid,
//       storable, and round-trips through a saved workbook.
#pragma once

#include <algorithm>
#include <cctype>
#include <string>
#include <string_view>
#include <vector>

#include "core/content.h"
#include "core/course_pack.h"
#include "core/i18n.h"
#include "core/lzma.h"
#include "core/report.h"
#include "core/results.h"
#include "core/store.h"
#include "core/summary.h"
#include "core/text.h"
#include "core/workbook.h"

namespace crb_fuzz {

// The shipped course and UI strings, loaded once from the repository.
struct Shipped {
    crb::Course course;
    crb::Strings strings;
    std::vector<std::string> errors;  // empty when both loaded
};

inline Shipped load_shipped(const std::string& source_dir) {
    Shipped s;
    crb::LoadResult r = crb::load_course_dir(source_dir + "/content");
    s.errors = r.errors;
    s.course = std::move(r.course);
    crb::load_strings_dir(source_dir + "/content", s.strings, s.errors);
    return s;
}

inline bool contains_script_tag(const std::string& html) {
    static const std::string needle = "<script";
    auto it = std::search(html.begin(), html.end(), needle.begin(), needle.end(),
                          [](char a, char b) { return std::tolower(static_cast<unsigned char>(a)) == b; });
    return it != html.end();
}

inline std::string workbook_input(const Shipped& shipped, std::string_view text) {
    const crb::Course& course = shipped.course;
    crb::WorkbookParse p = crb::parse_workbook(text, course);
    if (!p.workbook) {
        if (p.errors.empty()) return "parse_workbook rejected the input without saying why";
    } else {
        const crb::Workbook& wb = *p.workbook;
        const std::string once = crb::serialize_workbook(wb);
        crb::WorkbookParse again = crb::parse_workbook(once, course);
        if (!again.workbook) return "a parsed workbook does not parse after serialising: " + again.error();
        if (crb::serialize_workbook(*again.workbook) != once) return "serialise -> parse -> serialise is not stable";

        for (crb::Lang lang : crb::kLangs) {
            nlohmann::json results = crb::compute_results(course, wb, lang);
            if (!results.is_object()) return "compute_results did not return an object";
            for (const auto& key : course.exercise_keys()) (void)crb::exercise_result(course, wb, key, lang);
            const std::string report = crb::render_report(course, wb, lang, shipped.strings);
            if (contains_script_tag(report)) return "the HTML report contains \"<script\": something was not escaped";
        }
        for (const auto& unit : course.units) (void)crb::unit_progress(course, wb, unit.id);
        crb::ClassSummary summary = crb::summarize(course, {wb});
        (void)crb::summary_text(summary, crb::Lang::pl);
        (void)crb::summary_json(summary, crb::Lang::en).dump();
    }

    // As a stored entry: loaded, or its exact text kept under a backup key.
    crb::MemoryKeyValue kv;
    const std::string raw(text);
    kv.set("crb:wb:wb-fuzz", raw);
    crb::WorkbookStore store(kv, course, [] { return std::string("2024-01-01T00:00:00Z"); });
    store.open();
    if (!store.get("wb-fuzz")) {
        bool kept = false;
        for (const auto& b : store.backups()) kept = kept || store.backup_text(b.key) == raw;
        if (!kept) return "a stored entry that could not be loaded was not kept as a backup";
    } else if (!p.workbook) {
        return "the store loaded an entry that parse_workbook rejects";
    }
    return "";
}

inline std::string content_input(const Shipped& shipped, std::string_view text) {
    crb::LoadResult r = crb::load_course({crb::SourceFile{"content/unit1.json", std::string(text)}});
    if (!r.ok()) {
        if (!r.course.units.empty()) return "a rejected unit file left units in the course";
        return "";
    }
    const crb::Course& course = r.course;
    crb::Workbook wb;
    wb.id = "wb-fuzz";
    wb.name = "Fuzz";
    for (const auto& unit : course.units) {
        for (crb::Lang lang : crb::kLangs) {
            (void)crb::render_book(course, unit.id, lang, shipped.strings);
            (void)crb::narration(unit, lang, shipped.strings);
            (void)crb::word_count(unit, lang);
        }
        for (const auto& ex : unit.exercises) {
            const std::string key = crb::exercise_key(unit.id, ex.id);
            const nlohmann::json initial = crb::initial_answer(ex);
            const auto errors = crb::validate_answer(ex, initial, "/answers/" + key);
            if (!errors.empty()) return "the initial answer of " + key + " is invalid: " + errors.front();
            const crb::AnswerResult set = crb::set_answer(wb, course, key, initial);
            if (!set.ok()) return "set_answer refused the initial answer of " + key + ": " + set.error;
        }
    }
    crb::MemoryKeyValue kv;
    crb::WorkbookStore store(kv, course, [] { return std::string("2024-01-01T00:00:00Z"); });
    std::string detail;
    if (store.save(wb, &detail) != crb::StoreStatus::ok) return "a workbook of initial answers cannot be saved: " + detail;
    for (crb::Lang lang : crb::kLangs) {
        (void)crb::compute_results(course, wb, lang);
        (void)crb::render_report(course, wb, lang, shipped.strings);
    }
    return "";
}

// An lzma input: properties from the first byte (lc, lp, pb as 9 x 5 x 6 combinations, some out of
// range on purpose), the output size from the next two (big-endian), the rest is the stream.
struct LzmaInput {
    crb::LzmaProps props;
    size_t size;
};
inline LzmaInput lzma_header(std::string_view bytes) {
    const auto b = [&](size_t i) { return static_cast<unsigned>(static_cast<unsigned char>(bytes[i])); };
    return {crb::LzmaProps{b(0) % 9, (b(0) / 9) % 5, (b(0) / 45) % 6}, (size_t{b(1)} << 8) | b(2)};
}

inline std::string lzma_input(std::string_view bytes) {
    if (bytes.size() < 3) return "";
    const auto [props, size] = lzma_header(bytes);
    const auto* in = reinterpret_cast<const std::uint8_t*>(bytes.data() + 3);
    const size_t in_size = bytes.size() - 3;
    std::vector<std::uint8_t> a(size), again(size);
    const bool ok = crb::lzma_decode(in, in_size, props, a.data(), size);
    if (crb::lzma_decode(in, in_size, props, again.data(), size) != ok || (ok && a != again))
        return "decoding the same stream twice gave different results";
    if (ok && size > 0) {
        std::vector<std::uint8_t> shorter(size - 1);
        if (!crb::lzma_decode(in, in_size, props, shorter.data(), size - 1))
            return "a stream that yields " + std::to_string(size) + " bytes fails for one byte less";
        if (!std::equal(shorter.begin(), shorter.end(), a.begin()))
            return "the first " + std::to_string(size - 1) + " bytes differ when fewer are asked for";
    }
    return "";
}

inline std::string course_pack_input(std::string_view bytes) {
    crb::Course course;
    std::string error;
    if (!crb::read_course_pack(bytes, course, error)) {
        if (error.empty()) return "a pack was refused without a reason";
        if (!course.units.empty() || !course.version.empty()) return "a refused pack left a course behind";
        return "";
    }
    std::string again;
    if (!crb::write_course_pack(course, again)) return "an accepted pack cannot be written back";
    crb::Course back;
    if (!crb::read_course_pack(again, back, error)) return "a written pack does not read back: " + error;
    if (!(back == course)) return "a pack written back reads as a different course";
    return "";
}

}  // namespace crb_fuzz
