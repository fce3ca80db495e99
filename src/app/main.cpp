// Threadlab in the browser: the main loop on the page's main thread. It owns the GLFW window
// (a WebGL2 canvas), Dear ImGui, the engine's pthread and the UI state, and answers the page's
// test hook (window.threadlab) through threadlab_state_json().
//
// Index:
//   App            all the state the main loop owns
//   Canvas size    physical-pixel framebuffer that follows the canvas's CSS size
//   Frame          one frame: input, UI, background, ImGui draw data
//   State JSON     what window.threadlab.state() returns
//   main
#include <emscripten.h>
#include <GLES3/gl3.h>
#define GLFW_INCLUDE_ES3
#include <GLFW/glfw3.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>

#include "app/engine_worker.h"
#include "app/web_bridge.h"
#include "imgui.h"
#include "imgui_impl_glfw.h"
#include "imgui_impl_opengl3.h"
#include "ui/background.h"
#include "ui/test_hooks.h"
#include "ui/theme.h"
#include "ui/ui.h"
#include "version.h"

// ----------------------------------------------------------------------------------------------
// App
// ----------------------------------------------------------------------------------------------

// What the current fonts and style were built for; rebuilt when any of these changes.
struct AppliedStyle {
    Theme theme = Theme::Dark;
    float font_size = 0.0f;
    float dpr = 0.0f;
};

struct App {
    GLFWwindow* window = nullptr;
    EngineWorker engine;
    BackgroundRenderer background;
    UiState ui;
    AppliedStyle applied;
    int framebuffer_width = 0, framebuffer_height = 0;
    double css_width = 0, css_height = 0;
    float dpr = 1.0f;
    int frame = 0;
    std::string state_json; // reused between calls of threadlab_state_json
};

static App* g_app = nullptr; // the one app; emscripten's main loop callback takes no argument

// Send the engine thread a heartbeat this often, so the page can see it is alive and working.
constexpr int kHeartbeatEveryFrames = 30;

// ----------------------------------------------------------------------------------------------
// Canvas size
// ----------------------------------------------------------------------------------------------

// The canvas fills the page (CSS); its drawing buffer is that size times the device pixel
// ratio, so ImGui works in physical pixels and the style and fonts are scaled up instead.
static void FollowCanvasSize(App& app) {
    app.css_width = CanvasCssWidth();
    app.css_height = CanvasCssHeight();
    app.dpr = (float)DevicePixelRatio();
    int width = std::max(1, (int)std::lround(app.css_width * app.dpr));
    int height = std::max(1, (int)std::lround(app.css_height * app.dpr));
    if (width != app.framebuffer_width || height != app.framebuffer_height) {
        SetCanvasBufferSize(width, height);
        app.framebuffer_width = width;
        app.framebuffer_height = height;
    }
}

static void FollowStyle(App& app) {
    AppliedStyle wanted{app.ui.theme, app.ui.font_size, app.dpr};
    if (wanted.theme == app.applied.theme && wanted.font_size == app.applied.font_size &&
        wanted.dpr == app.applied.dpr)
        return;
    ApplyTheme(wanted.theme, wanted.dpr);
    if (wanted.font_size != app.applied.font_size || wanted.dpr != app.applied.dpr) {
        BuildFonts(std::round(wanted.font_size * wanted.dpr));
        ImGui_ImplOpenGL3_DestroyFontsTexture();
        ImGui_ImplOpenGL3_CreateFontsTexture();
    }
    app.applied = wanted;
}

// ----------------------------------------------------------------------------------------------
// Frame
// ----------------------------------------------------------------------------------------------

static void Frame() {
    App& app = *g_app;
    FollowCanvasSize(app);
    FollowStyle(app);

    glfwPollEvents();
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplGlfw_NewFrame();
    // The backend took the size GLFW was created with; the canvas is what counts.
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = ImVec2((float)app.framebuffer_width, (float)app.framebuffer_height);
    io.DisplayFramebufferScale = ImVec2(1.0f, 1.0f);
    ImGui::NewFrame();
    SetTestHookFrame(app.frame);

    ShowMainMenuBar(app.ui);
    if (app.ui.show_about)
        ShowAboutWindow(&app.ui.show_about, {THREADLAB_VERSION, THREADLAB_COMMIT, IMGUI_VERSION});
    if (app.ui.show_user_guide)
        ShowUserGuideWindow(&app.ui.show_user_guide);
    if (app.ui.show_metrics)
        ImGui::ShowMetricsWindow(&app.ui.show_metrics);

    ImGui::Render();
    glViewport(0, 0, app.framebuffer_width, app.framebuffer_height);
    DrawBackground(app.background, GetBackgroundColors(app.ui.theme), 24.0f * app.dpr);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());

    if (app.frame % kHeartbeatEveryFrames == 0)
        app.engine.post_heartbeat();
    if (app.frame == 0)
        NotifyFirstFrame();
    ++app.frame;
}

// ----------------------------------------------------------------------------------------------
// State JSON
// ----------------------------------------------------------------------------------------------

static void AppendBool(std::string& out, const char* key, bool value, bool comma = true) {
    out += '"';
    out += key;
    out += value ? "\":true" : "\":false";
    if (comma)
        out += ',';
}

// Called by the page (window.threadlab.state()) on the main thread, between frames.
extern "C" EMSCRIPTEN_KEEPALIVE const char* threadlab_state_json() {
    App& app = *g_app;
    std::string& out = app.state_json;
    out.clear();
    char buf[256];
    std::snprintf(buf, sizeof buf,
                  "{\"version\":\"%s\",\"commit\":\"%s\",\"frames\":%d,\"dpr\":%g,"
                  "\"canvas\":{\"width\":%d,\"height\":%d,\"cssWidth\":%g,\"cssHeight\":%g},"
                  "\"engine\":{\"heartbeats\":%llu,",
                  THREADLAB_VERSION, THREADLAB_COMMIT, app.frame, app.dpr,
                  app.framebuffer_width, app.framebuffer_height, app.css_width, app.css_height,
                  (unsigned long long)app.engine.heartbeats());
    out += buf;
    AppendBool(out, "alive", app.engine.is_alive(), false);
    out += "},\"windows\":{";
    AppendBool(out, "about", app.ui.show_about);
    AppendBool(out, "metrics", app.ui.show_metrics);
    AppendBool(out, "userGuide", app.ui.show_user_guide, false);
    std::snprintf(buf, sizeof buf, "},\"theme\":\"%s\",\"fontSize\":%g,\"items\":",
                  app.ui.theme == Theme::Dark ? "dark" : "light", app.ui.font_size);
    out += buf;
    AppendItemRectsJson(out, app.frame - 1);
    out += '}';
    return out.c_str();
}

// ----------------------------------------------------------------------------------------------
// main
// ----------------------------------------------------------------------------------------------

int main() {
    if (!glfwInit()) {
        std::fprintf(stderr, "Threadlab: GLFW could not start\n");
        return 1;
    }
    glfwWindowHint(GLFW_CLIENT_API, GLFW_OPENGL_ES_API);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 0);
    static App app;
    g_app = &app;
    app.window = glfwCreateWindow(1280, 720, "Threadlab", nullptr, nullptr);
    if (!app.window) {
        std::fprintf(stderr, "Threadlab: WebGL2 context could not be created\n");
        return 1;
    }
    glfwMakeContextCurrent(app.window);

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGui::GetIO().IniFilename = nullptr; // window layout is part of the permalink, not storage
    ImGui_ImplGlfw_InitForOpenGL(app.window, true);
    ImGui_ImplOpenGL3_Init("#version 300 es");
    CreateBackground(app.background);

    emscripten_set_main_loop(Frame, 0, true);
    return 0;
}
