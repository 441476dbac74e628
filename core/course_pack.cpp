// course_pack.cpp — writing and reading the course pack (course_pack.h).
//
// Every struct lists its fields once, in fields(); the writer and the reader both walk that list,
// so the two cannot disagree on the order. A field added to a struct in content.h must be added to
// its fields() here (test_course_pack.cpp compares a course read back with the original).
#include "core/course_pack.h"

#include <cmath>
#include <cstdint>
#include <cstring>
#include <type_traits>
#include <utility>

namespace crb {
namespace {

// [SECTION] The fields of each struct, in pack order ----------------------------------------------

// clang-format off (kept compact: a table of structs and their fields)
template <class A> void fields(A& a, IdText& x) { a(x.id, x.text); }
template <class A> void fields(A& a, Block& x) { a(x.type, x.text, x.items); }
template <class A> void fields(A& a, Section& x) { a(x.id, x.heading, x.blocks); }
template <class A> void fields(A& a, QuadrantMap::Quadrant& x) {
    a(x.id, x.high_influence, x.high_interest, x.name, x.strategies);
}
template <class A> void fields(A& a, QuadrantMap& x) {
    a(x.item_label, x.axis_x, x.axis_y, x.threshold, x.quadrants);
}
template <class A> void fields(A& a, Reflection& x) {
    a(x.questions, x.repeat, x.repeat_label, x.repeat_default);
}
template <class A> void fields(A& a, ChecklistTable::Row& x) { a(x.id, x.dimension, x.description, x.items); }
template <class A> void fields(A& a, ChecklistTable::Group& x) { a(x.id, x.title, x.rows); }
template <class A> void fields(A& a, ChecklistTable& x) {
    a(x.questions, x.col_dimension, x.col_description, x.col_answer, x.groups);
}
template <class A> void fields(A& a, PairTable::Pair& x) { a(x.left, x.right); }
template <class A> void fields(A& a, PairTable& x) { a(x.col_left, x.col_right, x.examples); }
template <class A> void fields(A& a, PreferenceScale::Row& x) { a(x.id, x.feature, x.left, x.right); }
template <class A> void fields(A& a, PreferenceScale& x) {
    a(x.col_feature, x.col_left, x.col_right, x.rows);
}
template <class A> void fields(A& a, RatingTable::Row& x) { a(x.id, x.label, x.description); }
template <class A> void fields(A& a, RatingTable& x) { a(x.col_item, x.col_description, x.criteria, x.rows); }
template <class A> void fields(A& a, NpsSurvey& x) {
    a(x.question, x.respondent_label, x.default_respondents);
}
template <class A> void fields(A& a, WeightedBand& x) { a(x.min, x.max, x.text); }
template <class A> void fields(A& a, WeightedRating& x) { a(x.col_item, x.rows, x.bands); }
template <class A> void fields(A& a, WeightedComparison::Block& x) { a(x.id, x.title, x.rows); }
template <class A> void fields(A& a, WeightedComparison& x) {
    a(x.blocks, x.verdict_first, x.verdict_second, x.verdict_equal);
}
template <class A> void fields(A& a, StepPlan::Step& x) {
    a(x.id, x.name, x.description, x.bullets, x.fields, x.checklist, x.tool);
}
template <class A> void fields(A& a, StepPlan& x) { a(x.steps); }
template <class A> void fields(A& a, Survey& x) { a(x.statements, x.threshold, x.positive, x.negative); }
template <class A> void fields(A& a, Quiz::Option& x) { a(x.id, x.text, x.correct, x.feedback); }
template <class A> void fields(A& a, Quiz::Question& x) { a(x.id, x.text, x.multiple, x.options); }
template <class A> void fields(A& a, Quiz& x) { a(x.questions); }
template <class A> void fields(A& a, Roi& x) { a(x.currency, x.default_years); }
template <class A> void fields(A& a, RiskRegister::Example& x) { a(x.risk, x.likelihood, x.impact); }
template <class A> void fields(A& a, RiskRegister& x) { a(x.examples); }
template <class A> void fields(A& a, Exercise& x) { a(x.id, x.kind, x.title, x.instructions, x.spec); }
template <class A> void fields(A& a, Unit& x) {
    a(x.id, x.number, x.title, x.description, x.outcomes, x.sections, x.exercises, x.source);
}
template <class A> void fields(A& a, Course& x) { a(x.version, x.units); }
// clang-format on

// How many values each enum has (the reader rejects any other).
template <class E>
constexpr uint64_t enum_count();
template <>
constexpr uint64_t enum_count<Kind>() {
    return std::variant_size_v<ExerciseSpec>;
}
template <>
constexpr uint64_t enum_count<Block::Type>() {
    return 2;
}

constexpr char kMagic[4] = {'C', 'R', 'B', 'C'};

// [SECTION] Writer ---------------------------------------------------------------------------------

struct Writer {
    std::string out;
    std::string polish;  // the second part: the Polish of every Text, in order

    template <class... T>
    void operator()(T&... xs) {
        (item(xs), ...);
    }

    void varint(uint64_t v) {
        for (; v >= 0x80; v >>= 7) out.push_back(static_cast<char>((v & 0x7F) | 0x80));
        out.push_back(static_cast<char>(v));
    }
    bool has_nul = false;  // a string with a NUL byte cannot be written (it ends strings)
    void put(std::string& to, const std::string& s) {
        has_nul = has_nul || s.find('\0') != std::string::npos;
        to += s;
        to.push_back('\0');
    }
    void item(std::string& s) { put(out, s); }
    void item(Text& t) {
        put(out, t.en);
        put(polish, t.pl);
    }
    void item(int& v) {  // zig-zag: small negative numbers stay short
        const int64_t w = v;
        varint(w < 0 ? ((static_cast<uint64_t>(-(w + 1))) << 1) | 1 : static_cast<uint64_t>(w) << 1);
    }
    void item(bool& b) { out.push_back(b ? '\1' : '\0'); }
    void item(double& d) {
        uint64_t bits = 0;
        std::memcpy(&bits, &d, sizeof bits);
        for (int i = 0; i < 8; ++i) out.push_back(static_cast<char>(bits >> (8 * i)));
    }
    template <class E, std::enable_if_t<std::is_enum_v<E>, int> = 0>
    void item(E& e) {
        varint(static_cast<uint64_t>(e));
    }
    template <class T>
    void item(std::vector<T>& v) {
        varint(v.size());
        for (auto& x : v) item(x);
    }
    void item(ExerciseSpec& s) {
        varint(s.index());
        std::visit([this](auto& alt) { item(alt); }, s);
    }
    template <class T, std::enable_if_t<std::is_class_v<T>, int> = 0>
    void item(T& x) {
        fields(*this, x);
    }
};

// [SECTION] Reader ---------------------------------------------------------------------------------

template <size_t... I>
void emplace_alternative(ExerciseSpec& s, size_t index, std::index_sequence<I...>) {
    ((index == I ? static_cast<void>(s.template emplace<I>()) : static_cast<void>(0)), ...);
}

struct Reader {
    const unsigned char* p;  // the main part
    const unsigned char* end;
    const unsigned char* q;  // the Polish texts
    const unsigned char* q_end;
    std::string error;  // the first problem; empty while all is well

    bool ok() const { return error.empty(); }
    void fail(const char* what) {
        if (ok()) error = what;
        p = end;  // nothing more is read
        q = q_end;
    }
    size_t left() const { return static_cast<size_t>(end - p); }

    template <class... T>
    void operator()(T&... xs) {
        (item(xs), ...);
    }

    uint64_t varint() {
        uint64_t v = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (p == end) {
                fail("the course pack is cut short");
                return 0;
            }
            const unsigned char b = *p++;
            v |= static_cast<uint64_t>(b & 0x7F) << shift;
            if (!(b & 0x80)) return v;
        }
        fail("the course pack has a number that is too long");
        return 0;
    }
    // A length or count: never more than the bytes left (each element takes at least one byte),
    // so a damaged pack cannot ask for a huge allocation.
    size_t length() {
        const uint64_t n = varint();
        if (n > left()) {
            fail("the course pack is cut short");
            return 0;
        }
        return static_cast<size_t>(n);
    }
    void string_at(const unsigned char*& at, const unsigned char* stop, std::string& s) {
        const void* nul = std::memchr(at, 0, static_cast<size_t>(stop - at));
        if (!nul) return fail("the course pack is cut short");
        const auto* last = static_cast<const unsigned char*>(nul);
        s.assign(reinterpret_cast<const char*>(at), static_cast<size_t>(last - at));
        at = last + 1;
    }
    void item(std::string& s) { string_at(p, end, s); }
    void item(Text& t) {
        string_at(p, end, t.en);
        string_at(q, q_end, t.pl);
    }
    void item(int& v) {
        const uint64_t z = varint();
        const int64_t w = (z & 1) ? -static_cast<int64_t>(z >> 1) - 1 : static_cast<int64_t>(z >> 1);
        if (w < INT32_MIN || w > INT32_MAX) return fail("the course pack has a number out of range");
        v = static_cast<int>(w);
    }
    void item(bool& b) {
        if (p == end || *p > 1)
            return fail(p == end ? "the course pack is cut short" : "the course pack has a bad flag");
        b = *p++ == 1;
    }
    void item(double& d) {
        if (left() < 8) return fail("the course pack is cut short");
        uint64_t bits = 0;
        for (int i = 0; i < 8; ++i) bits |= static_cast<uint64_t>(*p++) << (8 * i);
        std::memcpy(&d, &bits, sizeof d);
        if (!std::isfinite(d)) fail("the course pack has a number that is not finite");  // content has none
    }
    template <class E, std::enable_if_t<std::is_enum_v<E>, int> = 0>
    void item(E& e) {
        const uint64_t n = varint();
        if (n >= enum_count<E>()) return fail("the course pack has an unknown kind or type");
        e = static_cast<E>(n);
    }
    template <class T>
    void item(std::vector<T>& v) {
        const size_t n = length();
        v.clear();  // no reserve(n): a damaged count must not allocate before elements are really read
        for (size_t i = 0; i < n && ok(); ++i) item(v.emplace_back());
    }
    void item(ExerciseSpec& s) {
        const uint64_t index = varint();
        if (index >= std::variant_size_v<ExerciseSpec>)
            return fail("the course pack has an unknown exercise kind");
        emplace_alternative(s, static_cast<size_t>(index),
                            std::make_index_sequence<std::variant_size_v<ExerciseSpec>>{});
        std::visit([this](auto& alt) { item(alt); }, s);
    }
    template <class T, std::enable_if_t<std::is_class_v<T>, int> = 0>
    void item(T& x) {
        fields(*this, x);
    }
};

}  // namespace

bool write_course_pack(const Course& course, std::string& out) {
    Writer w;
    w.out.append(kMagic, sizeof kMagic);
    w.varint(kCoursePackFormat);
    Writer main;
    main.item(const_cast<Course&>(course));  // the writer only reads; fields() takes non-const references
    if (main.has_nul) return false;
    w.varint(main.out.size());
    out = std::move(w.out) + main.out + main.polish;
    return true;
}

bool read_course_pack(std::string_view bytes, Course& out, std::string& error) {
    out = Course{};
    const auto* data = reinterpret_cast<const unsigned char*>(bytes.data());
    Reader r{data, data + bytes.size(), nullptr, nullptr, {}};
    if (bytes.size() < sizeof kMagic || std::memcmp(data, kMagic, sizeof kMagic) != 0) {
        error = "not a course pack";
        return false;
    }
    r.p += sizeof kMagic;
    const uint64_t format = r.varint();
    if (r.ok() && format != kCoursePackFormat) {
        error = "the course pack has format " + std::to_string(format) + ", this app reads format " +
                std::to_string(kCoursePackFormat);
        return false;
    }
    const size_t main_size = r.length();  // fails (and reads nothing more) when longer than the rest
    r.q = r.p + main_size;
    r.q_end = r.end;
    r.end = r.q;
    Course course;
    r.item(course);
    if (r.ok() && (r.p != r.end || r.q != r.q_end)) r.fail("the course pack has bytes left over at its end");
    if (r.ok()) {  // an exercise's kind names the alternative its data is in
        for (const Unit& u : course.units)
            for (const Exercise& e : u.exercises)
                if (static_cast<size_t>(e.kind) != e.spec.index())
                    r.fail("the course pack has an exercise whose kind does not match its data");
    }
    if (!r.ok()) {
        error = r.error;
        return false;
    }
    out = std::move(course);
    return true;
}

}  // namespace crb
