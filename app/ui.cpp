// The UI entry points called by the platform layer: start the App from the embedded content and
// draw it every frame. If the embedded content could not be loaded (a broken build), say so on
// screen instead of showing an empty window.
#include "ui.h"

#include <emscripten.h>

#include <string>
#include <vector>

#include "imgui.h"
#include "platform/embedded.h"
#include "platform/platform.h"
#include "ui/app.h"
#include "ui/kit.h"

namespace {

ui::App g_app;
bool g_ok = false;
std::vector<std::string> g_errors;

}  // namespace

// Called from the page on visibilitychange (hidden) and pagehide: the last edits reach storage.
extern "C" EMSCRIPTEN_KEEPALIVE void crb_app_flush() {
    if (g_ok) g_app.flush();
}

void ui_init() {
    unsigned file_count = 0;
    const EmbeddedFile* files = embedded_files(&file_count);
    crb::Course course;
    std::vector<crb::SourceFile> strings;
    g_ok = ui::read_embedded_content(files, file_count, course, strings, g_errors);
    if (g_ok) g_app.init(std::move(course), strings, g_errors);
    platform::set_page_title(g_ok ? g_app.tr("app.title") : "Customer Relationship Building");
}

void ui_frame() {
    const platform::Fonts& pf = platform::fonts();
    ui::Fonts& f = ui::fonts();
    f.regular = pf.regular;
    f.bold = pf.bold;
    f.heading = pf.heading;
    f.title = pf.title;
    if (!g_ok) {
        ImGui::SetNextWindowPos(ImGui::GetMainViewport()->WorkPos);
        ImGui::SetNextWindowSize(ImGui::GetMainViewport()->WorkSize);
        ImGui::Begin("##error", nullptr, ImGuiWindowFlags_NoDecoration);
        ImGui::TextWrapped("The course content in this build is invalid:");
        for (const auto& e : g_errors) ImGui::BulletText("%s", e.c_str());
        ImGui::End();
        return;
    }
    platform::set_text_scale(g_app.text_scale());
    g_app.frame();
}
