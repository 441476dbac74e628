// Native frame benchmark for `./dev bench`: how long the UI takes to build one frame, CPU only.
//
// The app's UI (app/ui, app/widgets, core, Dear ImGui) runs natively on app/platform/native_*.cpp,
// with no renderer backend: io.DisplaySize is set, the font atlas is built and read with
// GetTexDataAsRGBA32 (as a renderer would), and a frame is ImGui::NewFrame() -> the UI ->
// ImGui::Render(), which produces the draw lists a GPU backend would submit.
//
// The workbook is filled first, every exercise through App::commit_answer (the path a learner's
// edits take, validated by core), with answers that use every row and field and several entries
// where the learner adds rows. Then every screen of the course is visited in both languages (a
// short timing each) to find the heaviest, and the heaviest is timed over --frames frames.
//
//   frame_bench [--frames N] [--width W] [--height H] [--json]
// Prints a table; with --json the last line is one JSON object (read by tools/bench.mjs).
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "core/content.h"
#include "core/store.h"
#include "core/workbook.h"
#include "imgui.h"
#include "platform/embedded.h"
#include "platform/native_platform.h"
#include "platform/platform.h"
#include "platform/ui_fonts.h"
#include "ui/app.h"
#include "ui/kit.h"

using nlohmann::json;

namespace {

// [SECTION] A filled workbook

constexpr int kAddedRows = 6;  // entries in lists the learner grows (items, respondents, risks, pairs)

std::string words(const std::string& what, int i) {
    return what + " " + std::to_string(i + 1) + ": a realistic answer of a sentence or two, long enough to wrap "
                                                 "in a narrow column and to show how the text fields cope.";
}

// Weights 0.1-0.9 in 0.05 steps that add up to 1 (so a weighted result is complete), for n <= 10.
std::vector<double> weights(size_t n) {
    const int count = static_cast<int>(n);
    const int base = std::max(2, std::min(18, 20 / std::max(1, count)));  // in twentieths
    const int extra = std::max(0, 20 - base * count);
    std::vector<double> w;
    for (int i = 0; i < count; ++i) w.push_back(std::min(18, base + (i < extra ? 1 : 0)) * 5 / 100.0);
    return w;
}

json answer_for(const crb::Exercise& ex) {
    json a = json::object();
    if (auto* s = ex.as<crb::QuadrantMap>()) {
        for (int i = 0; i < kAddedRows; ++i)
            a["items"].push_back({{"name", "Customer " + std::to_string(i + 1)}, {"interest", (i * 3) % 11}, {"influence", (i * 7) % 11}});
        for (const auto& q : s->quadrants)
            for (size_t k = 0; k < q.strategies.size(); ++k) a["ratings"][q.strategies[k].id] = 1 + static_cast<int>(k % 5);
    } else if (auto* s = ex.as<crb::Reflection>()) {
        int entries = s->repeat ? std::max(s->repeat_default, 3) : 1;
        for (int e = 0; e < entries; ++e) {
            json entry{{"title", "Situation " + std::to_string(e + 1)}, {"answers", json::object()}};
            for (const auto& q : s->questions) entry["answers"][q.id] = words("Answer", e);
            a["entries"].push_back(entry);
        }
    } else if (auto* s = ex.as<crb::ChecklistTable>()) {
        for (const auto& q : s->questions) a["questions"][q.id] = words("Answer", 0);
        int i = 0;
        for (const auto& g : s->groups)
            for (const auto& r : g.rows) a["rows"][r.id] = {{"yes", (i++ % 3) != 0}, {"note", words("Note", i)}};
    } else if (ex.as<crb::PairTable>()) {
        for (int i = 0; i < kAddedRows; ++i) a["rows"].push_back({{"left", words("Left", i)}, {"right", words("Right", i)}});
    } else if (auto* s = ex.as<crb::PreferenceScale>()) {
        for (size_t i = 0; i < s->rows.size(); ++i) a["rows"][s->rows[i].id] = 1 + static_cast<int>(i % 5);
    } else if (auto* s = ex.as<crb::RatingTable>()) {
        for (size_t i = 0; i < s->rows.size(); ++i)
            for (size_t c = 0; c < s->criteria.size(); ++c) a["rows"][s->rows[i].id][s->criteria[c].id] = 1 + static_cast<int>((i + c) % 5);
    } else if (auto* s = ex.as<crb::NpsSurvey>()) {
        int n = std::max(s->default_respondents, kAddedRows) + kAddedRows;
        for (int i = 0; i < n; ++i) a["respondents"].push_back({{"name", "Respondent " + std::to_string(i + 1)}, {"score", (i * 7) % 11}});
    } else if (auto* s = ex.as<crb::WeightedRating>()) {
        const auto w = weights(s->rows.size());
        for (size_t i = 0; i < s->rows.size(); ++i)
            a["rows"][s->rows[i].id] = {{"rating", 1 + static_cast<int>(i % 5)}, {"weight", w[i]}};
    } else if (auto* s = ex.as<crb::WeightedComparison>()) {
        for (const auto& b : s->blocks) {
            const auto w = weights(b.rows.size());
            for (size_t i = 0; i < b.rows.size(); ++i)
                a["blocks"][b.id]["rows"][b.rows[i].id] = {{"rating", 1 + static_cast<int>((i + 2) % 5)}, {"weight", w[i]}};
        }
    } else if (auto* s = ex.as<crb::StepPlan>()) {
        for (const auto& st : s->steps) {
            json step = json::object();
            for (const auto& f : st.fields) step["fields"][f.id] = words(f.id, 0);
            for (size_t k = 0; k < st.checklist.size(); ++k) step["checks"][st.checklist[k].id] = k % 2 == 0;
            a["steps"][st.id] = step;
        }
    } else if (auto* s = ex.as<crb::Survey>()) {
        for (size_t i = 0; i < s->statements.size(); ++i) a["statements"][s->statements[i].id] = i % 2 == 0;
    } else if (auto* s = ex.as<crb::Quiz>()) {
        for (const auto& q : s->questions) a["questions"][q.id] = json::array({q.options.front().id});
    } else if (ex.as<crb::Roi>()) {
        a = {{"cost", 120000}, {"benefit", 95000}, {"running", 15000}, {"years", 3}};
    } else if (ex.as<crb::RiskRegister>()) {
        for (int i = 0; i < kAddedRows; ++i)
            a["risks"].push_back({{"risk", words("Risk", i)}, {"likelihood", 1 + i % 5}, {"impact", 1 + (i * 2) % 5},
                                  {"owner", "Owner " + std::to_string(i + 1)}, {"response", words("Response", i)}});
    }
    return a;
}

// [SECTION] Frames

ui::App g_app;

void frame() {
    ImGui::NewFrame();
    const platform::Fonts& pf = platform::fonts();
    ui::Fonts& f = ui::fonts();  // what app/ui.cpp does on the web before every frame
    f.regular = pf.regular;
    f.bold = pf.bold;
    f.heading = pf.heading;
    f.title = pf.title;
    platform::set_text_scale(g_app.text_scale());
    g_app.frame();
    ImGui::Render();
    if (platform::native::fonts_stale(1.0f)) {
        platform::native::build_fonts(1.0f);
        unsigned char* pixels = nullptr;
        int w = 0, h = 0;
        ImGui::GetIO().Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
    }
}

double time_frame() {
    auto t0 = std::chrono::steady_clock::now();
    frame();
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
}

struct Stats {
    double median = 0, p95 = 0, max = 0, mean = 0;
};
Stats stats(std::vector<double> v) {
    Stats s;
    if (v.empty()) return s;
    std::sort(v.begin(), v.end());
    size_t n = v.size();
    s.median = n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    s.p95 = v[std::min(n - 1, static_cast<size_t>(n * 0.95))];
    s.max = v.back();
    for (double x : v) s.mean += x;
    s.mean /= n;
    return s;
}

// Goes to `hash` and lets the screen settle: auto-sized tables and windows take a few frames.
void open(const std::string& hash) {
    platform::native::navigate(hash);
    for (int i = 0; i < 6; ++i) frame();
}

int fail(const char* what) {
    std::fprintf(stderr, "frame_bench: %s\n", what);
    return 1;
}

}  // namespace

int main(int argc, char** argv) {
    int frames = 1000, width = 1280, height = 720, scan_frames = 40;
    bool want_json = false;
    for (int i = 1; i < argc; ++i) {
        std::string a = argv[i];
        if (a == "--json") want_json = true;
        else if (a == "--frames" && i + 1 < argc) frames = std::atoi(argv[++i]);
        else if (a == "--width" && i + 1 < argc) width = std::atoi(argv[++i]);
        else if (a == "--height" && i + 1 < argc) height = std::atoi(argv[++i]);
        else return fail("usage: frame_bench [--frames N] [--width W] [--height H] [--json]");
    }
    if (frames < 1 || width < 200 || height < 200) return fail("bad --frames, --width or --height");

    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.LogFilename = nullptr;
    io.DisplaySize = ImVec2(static_cast<float>(width), static_cast<float>(height));
    io.DeltaTime = 1.0f / 60.0f;
    io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;  // as on the web
    ImGui::StyleColorsLight();
    auto since = [](std::chrono::steady_clock::time_point t0) {
        return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
    };
    // The fonts and content are one LZMA stream (embed.py --pack), unpacked on first use: time it alone.
    auto t_unpack = std::chrono::steady_clock::now();
    unsigned file_count = 0;
    const EmbeddedFile* files = embedded_files(&file_count);
    const double unpack_ms = since(t_unpack);
    if (file_count == 0) return fail("the embedded files do not unpack");
    auto t_fonts = std::chrono::steady_clock::now();
    platform::native::build_fonts(1.0f);
    unsigned char* pixels = nullptr;
    int tex_w = 0, tex_h = 0;
    io.Fonts->GetTexDataAsRGBA32(&pixels, &tex_w, &tex_h);
    const double fonts_ms = since(t_fonts);
    if (!platform::draws_every_glyph(platform::fonts()))
        return fail("a UI font lacks a glyph of the text or symbol ranges (glyph_ranges.h)");

    // A lasting store, as a browser with localStorage (in memory: the benchmark keeps nothing).
    crb::MemoryKeyValue store;
    platform::native::set_storage(&store, true);

    // The embedded course pack and strings, as app/ui.cpp loads them on the web.
    crb::Course embedded_course;
    std::vector<crb::SourceFile> strings;
    std::vector<std::string> errors;
    auto t_init = std::chrono::steady_clock::now();
    const bool init_ok = ui::read_embedded_content(files, file_count, embedded_course, strings, errors);
    if (init_ok) g_app.init(std::move(embedded_course), strings, errors);
    const double init_ms = since(t_init);
    if (!init_ok) {
        for (const auto& e : errors) std::fprintf(stderr, "  %s\n", e.c_str());
        return fail("the embedded content does not load");
    }

    const crb::Course& course = g_app.course();
    int filled = 0;
    for (const auto& u : course.units)
        for (const auto& ex : u.exercises) {
            std::string error;
            if (!g_app.commit_answer(crb::exercise_key(u.id, ex.id), answer_for(ex), &error)) {
                std::fprintf(stderr, "frame_bench: %s/%s: answer refused: %s\n", u.id.c_str(), ex.id.c_str(), error.c_str());
                return 1;
            }
            ++filled;
        }
    int done = 0;
    for (const auto& key : course.exercise_keys()) {
        if (crb::exercise_done(course, g_app.workbook(), key)) ++done;
        else std::fprintf(stderr, "frame_bench: %s is filled but not complete\n", key.c_str());
    }
    // Let the debounced save happen (250 ms after the last change) so it is not inside the timing.
    open("#/en");
    for (double until = platform::now_ms() + 400; platform::now_ms() < until;) frame();
    g_app.flush();

    // Every screen in both languages, a short timing each, to find the heaviest.
    struct Screen {
        std::string hash;
        Stats s;
        int vertices = 0;
    };
    std::vector<Screen> screens;
    for (const char* lang : {"en", "pl"})
        for (const auto& u : course.units) {
            std::string base = std::string("#/") + lang + "/unit/" + std::to_string(u.number);
            std::vector<std::string> pages = {base, base + "/read", base + "/listen", base + "/summary"};
            for (const auto& ex : u.exercises) pages.push_back(base + "/" + ex.id);
            for (const auto& h : pages) {
                open(h);
                std::vector<double> t;
                for (int i = 0; i < scan_frames; ++i) t.push_back(time_frame());
                screens.push_back({h, stats(t), ImGui::GetDrawData()->TotalVtxCount});
            }
        }
    std::sort(screens.begin(), screens.end(), [](const Screen& a, const Screen& b) { return a.s.median > b.s.median; });

    // The heaviest, timed properly.
    const std::string heaviest = screens.front().hash;
    open(heaviest);
    for (int i = 0; i < 50; ++i) frame();  // warm caches
    std::vector<double> t;
    t.reserve(frames);
    for (int i = 0; i < frames; ++i) t.push_back(time_frame());
    Stats s = stats(t);
    const ImDrawData* dd = ImGui::GetDrawData();

    std::printf("frame_bench: %d exercises filled (%d done), %zu screens, %dx%d, font atlas %dx%d\n", filled, done,
                screens.size(), width, height, tex_w, tex_h);
    std::printf("start-up: unpack fonts and content %.1f ms, font atlas %.1f ms, "
                "course pack, strings and App::init %.1f ms\n",
                unpack_ms, fonts_ms, init_ms);
    std::printf("heaviest screens (median of %d frames):\n", scan_frames);
    for (size_t i = 0; i < std::min<size_t>(5, screens.size()); ++i)
        std::printf("  %-40s %8.3f ms  %6d vertices\n", screens[i].hash.c_str(), screens[i].s.median, screens[i].vertices);
    std::printf("%s over %d frames: median %.3f ms, p95 %.3f ms, max %.3f ms (%d vertices, %d indices)\n",
                heaviest.c_str(), frames, s.median, s.p95, s.max, dd ? dd->TotalVtxCount : 0, dd ? dd->TotalIdxCount : 0);
    if (want_json) {
        json top = json::array();
        for (size_t i = 0; i < std::min<size_t>(10, screens.size()); ++i)
            top.push_back({{"screen", screens[i].hash}, {"median_ms", screens[i].s.median}, {"vertices", screens[i].vertices}});
        json out{{"screen", heaviest}, {"frames", frames}, {"width", width}, {"height", height},
                 {"median_ms", s.median}, {"p95_ms", s.p95}, {"max_ms", s.max}, {"mean_ms", s.mean},
                 {"exercises_filled", filled}, {"exercises_done", done}, {"screens_scanned", screens.size()}, {"heaviest", top},
                 {"vertices", dd ? dd->TotalVtxCount : 0}, {"fonts_ms", fonts_ms}, {"init_ms", init_ms}};
        std::printf("%s\n", out.dump().c_str());
    }
    ImGui::DestroyContext();
    return 0;
}
