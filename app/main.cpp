// Customer Relationship Building — web app entry point.
// The platform layer owns the window, the main loop and the fonts; the UI is ui_init() + ui_frame().
#include "platform/platform.h"
#include "ui.h"

int main() {
    ui_init();
    return platform::run(ui_frame);
}
