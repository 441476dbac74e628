// The UI: one call per drawn frame, between ImGui::NewFrame() and ImGui::Render().
// Called by the platform layer (platform::run); draws everything the learner sees.
#pragma once

void ui_init();   // once, before the first frame (language, page title, loading content)
void ui_frame();  // every drawn frame
