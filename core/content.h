// content.h — the course as data: units, reading sections, and one struct per exercise kind.
//
// The model mirrors docs/content-format.md field by field. It is filled by load_course(), which
// validates strictly and reports every problem as "<file>: <JSON pointer>: <what is wrong>", so a
// writer's typo is caught by `crb check` and the unit tests rather than by a learner. The web app
// gets the same structs from the course pack the build writes (core/course_pack.h). Every struct
// compares equal field by field (operator==), which the pack's round-trip test relies on.
//
// [SECTION] Languages and texts
// [SECTION] Reading material
// [SECTION] Exercise kinds
// [SECTION] Units and the course
// [SECTION] Loading
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace crb {

// [SECTION] Languages and texts ------------------------------------------------------------------

enum class Lang { en, pl };
constexpr Lang kLangs[] = {Lang::en, Lang::pl};
const char* lang_code(Lang lang);                      // "en" / "pl"
std::optional<Lang> parse_lang(std::string_view code);  // "en" / "pl", else nullopt

// A text in both languages; the loader guarantees both are non-empty.
struct Text {
    bool operator==(const Text&) const = default;
    std::string en, pl;
    const std::string& get(Lang lang) const { return lang == Lang::pl ? pl : en; }
    // "Respondent 3" for the row at `index`, with this text as the label.
    std::string numbered(size_t index, Lang lang) const { return get(lang) + " " + std::to_string(index + 1); }
    // `name`, or numbered(index) when the learner left it blank (shown so everywhere: canvas hint,
    // accessible view, results, report).
    std::string name_or_numbered(const std::string& name, size_t index, Lang lang) const {
        return name.find_first_not_of(" \t\n\r") == std::string::npos ? numbered(index, lang) : name;
    }
};

// [SECTION] Reading material ---------------------------------------------------------------------

struct Block {
    bool operator==(const Block&) const = default;
    enum class Type { paragraph, bullets };
    Type type = Type::paragraph;
    Text text;                // paragraph
    std::vector<Text> items;  // bullets
};

struct Section {
    bool operator==(const Section&) const = default;
    std::string id;
    Text heading;
    std::vector<Block> blocks;
};

// [SECTION] Exercise kinds -----------------------------------------------------------------------

enum class Kind {
    quadrant_map,
    reflection,
    checklist_table,
    pair_table,
    preference_scale,
    rating_table,
    nps_survey,
    weighted_rating,
    weighted_comparison,
    step_plan,
    survey,
    quiz,
    roi,
    risk_register,
};
const char* kind_name(Kind kind);                      // "nps_survey", as in the content files
std::optional<Kind> parse_kind(std::string_view name);

// {"id": ..., "<text field>": T}: questions, strategies, statements, criteria, fields, ...
struct IdText {
    bool operator==(const IdText&) const = default;
    std::string id;
    Text text;
};

struct QuadrantMap {
    bool operator==(const QuadrantMap&) const = default;
    struct Quadrant {
        bool operator==(const Quadrant&) const = default;
        std::string id;
        bool high_influence = false, high_interest = false;
        Text name;
        std::vector<IdText> strategies;
    };
    Text item_label, axis_x, axis_y;  // x = interest, y = influence
    int threshold = 5;                // a 0-10 score >= threshold is "high"
    std::vector<Quadrant> quadrants;  // exactly 4, one per combination
    // The quadrant for a combination (always found in a loaded course).
    const Quadrant* find(bool high_influence, bool high_interest) const;
};

struct Reflection {
    bool operator==(const Reflection&) const = default;
    std::vector<IdText> questions;
    bool repeat = false;  // learner adds entries, each answering every question
    Text repeat_label;
    int repeat_default = 3;
};

struct ChecklistTable {
    bool operator==(const ChecklistTable&) const = default;
    struct Row {
        bool operator==(const Row&) const = default;
        std::string id;
        Text dimension, description;
        std::vector<Text> items;
    };
    struct Group {
        bool operator==(const Group&) const = default;
        std::string id;
        Text title;
        std::vector<Row> rows;
    };
    std::vector<IdText> questions;  // free-text questions above the table (may be empty)
    Text col_dimension, col_description, col_answer;
    std::vector<Group> groups;  // row ids are unique across groups (answers key rows by id)
};

struct PairTable {
    bool operator==(const PairTable&) const = default;
    struct Pair {
        bool operator==(const Pair&) const = default;
        Text left, right;
    };
    Text col_left, col_right;
    std::vector<Pair> examples;
};

struct PreferenceScale {
    bool operator==(const PreferenceScale&) const = default;
    struct Row {
        bool operator==(const Row&) const = default;
        std::string id;
        Text feature, left, right;
    };
    Text col_feature, col_left, col_right;
    std::vector<Row> rows;
};

struct RatingTable {
    bool operator==(const RatingTable&) const = default;
    struct Row {
        bool operator==(const Row&) const = default;
        std::string id;
        Text label, description;
    };
    Text col_item, col_description;
    std::vector<IdText> criteria;  // text = label; each rated 1-5
    std::vector<Row> rows;
};

struct NpsSurvey {
    bool operator==(const NpsSurvey&) const = default;
    Text question, respondent_label;
    int default_respondents = 10;
};

struct WeightedBand {
    bool operator==(const WeightedBand&) const = default;
    double min = 0, max = 0;  // closed at min, open at max except the top band
    Text text;
};

struct WeightedRating {
    bool operator==(const WeightedRating&) const = default;
    Text col_item;
    std::vector<IdText> rows;
    std::vector<WeightedBand> bands;  // may be empty
};

struct WeightedComparison {
    bool operator==(const WeightedComparison&) const = default;
    struct Block {
        bool operator==(const Block&) const = default;
        std::string id;
        Text title;
        std::vector<IdText> rows;
    };
    std::vector<Block> blocks;  // exactly 2: first weighed against second
    Text verdict_first, verdict_second, verdict_equal;
};

struct StepPlan {
    bool operator==(const StepPlan&) const = default;
    struct Step {
        bool operator==(const Step&) const = default;
        std::string id;
        Text name, description;
        std::vector<Text> bullets;
        std::vector<IdText> fields;     // text = label
        std::vector<IdText> checklist;  // text = item text
        std::string tool;               // id of another exercise of the same unit, or empty
    };
    std::vector<Step> steps;
};

struct Survey {
    bool operator==(const Survey&) const = default;
    std::vector<IdText> statements;
    int threshold = 3;  // agreeing with >= threshold statements -> positive
    Text positive, negative;
};

struct Quiz {
    bool operator==(const Quiz&) const = default;
    struct Option {
        bool operator==(const Option&) const = default;
        std::string id;
        Text text;
        bool correct = false;
        Text feedback;
    };
    struct Question {
        bool operator==(const Question&) const = default;
        std::string id;
        Text text;
        bool multiple = false;
        std::vector<Option> options;
        std::vector<std::string> correct_ids() const;
    };
    std::vector<Question> questions;
};

struct Roi {
    bool operator==(const Roi&) const = default;
    std::string currency = "€";
    int default_years = 3;
};

struct RiskRegister {
    bool operator==(const RiskRegister&) const = default;
    struct Example {
        bool operator==(const Example&) const = default;
        Text risk;
        int likelihood = 1, impact = 1;
    };
    std::vector<Example> examples;
};

using ExerciseSpec = std::variant<QuadrantMap, Reflection, ChecklistTable, PairTable, PreferenceScale,
                                  RatingTable, NpsSurvey, WeightedRating, WeightedComparison, StepPlan,
                                  Survey, Quiz, Roi, RiskRegister>;

struct Exercise {
    bool operator==(const Exercise&) const = default;
    std::string id;
    Kind kind = Kind::reflection;
    Text title, instructions;
    ExerciseSpec spec;
    // The spec as a given kind, or nullptr: `if (auto* q = ex.as<Quiz>()) ...`
    template <class T>
    const T* as() const { return std::get_if<T>(&spec); }
};

// [SECTION] Units and the course -----------------------------------------------------------------

struct Unit {
    bool operator==(const Unit&) const = default;
    std::string id;  // "unit1" .. "unit4"
    int number = 0;
    Text title, description;
    std::vector<Text> outcomes;
    std::vector<Section> sections;
    std::vector<Exercise> exercises;  // in learning order; the quiz is last
    std::string source;               // file it came from, e.g. "content/unit1.json"

    const Exercise* exercise(std::string_view exercise_id) const;
    const Section* section(std::string_view section_id) const;
};

// "unit2/nps" <-> ("unit2", "nps")
std::string exercise_key(std::string_view unit_id, std::string_view exercise_id);
bool split_exercise_key(std::string_view key, std::string& unit_id, std::string& exercise_id);

struct Course {
    bool operator==(const Course&) const = default;
    std::vector<Unit> units;  // sorted by number
    std::string version;      // 16 hex digits, a hash of the source files (names and bytes)

    const Unit* unit(std::string_view unit_id) const;
    const Unit* unit_by_number(int number) const;
    const Exercise* exercise(std::string_view key) const;  // "unit2/nps"
    const Unit* unit_of(std::string_view key) const;       // the unit part of "unit2/nps"
    std::vector<std::string> exercise_keys() const;        // every key, in course order
    size_t exercise_count() const;
};

// [SECTION] Loading ------------------------------------------------------------------------------

struct SourceFile {
    std::string name;  // shown in messages, e.g. "content/unit1.json"
    std::string text;
};

struct LoadResult {
    Course course;                      // meaningful only when ok()
    std::vector<std::string> errors;    // "content/unit3.json: /exercises/4/id: duplicate id \"nps\""
    std::vector<std::string> warnings;  // soft rules ("should"): section coverage, word counts
    bool ok() const { return errors.empty(); }
};

// Validates and builds the course from unit files (any order; units are sorted by number).
LoadResult load_course(const std::vector<SourceFile>& files);

// Native helper: reads <dir>/unit*.json in number order and calls load_course. File names in
// messages are "<last folder name>/unitN.json" (so "content/unit3.json"). Reports an error when
// the folder has no unit files.
LoadResult load_course_dir(const std::string& dir);

// Native helper: reads a whole file. False when it cannot be opened or read.
bool read_file(const std::string& path, std::string& out);

// Words in a unit's reading material (headings, paragraphs, bullets) for a language.
size_t word_count(const Unit& unit, Lang lang);

}  // namespace crb
