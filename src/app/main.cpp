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
#include <string_view>

#include "app/engine_worker.h"
#include "app/program_runner.h"
#include "app/web_bridge.h"
#include "imgui.h"
#include "imgui_impl_glfw.h"
#include "imgui_impl_opengl3.h"
#include "examples.h"
#include "ui/background.h"
#include "ui/program_window.h"
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
    ProgramRunner runner{engine};
    ProgramWindowState program;
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

// The longest step of time one frame may account for (see Frame).
constexpr float kMaxFrameDeltaSeconds = 1.0f / 20.0f;

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
    // A stalled frame (tab in background, busy machine) must not count as a long key hold:
    // ImGui 1.86 would turn it into a burst of key repeats (Ctrl+V pasting several times).
    io.DeltaTime = std::min(io.DeltaTime, kMaxFrameDeltaSeconds);
    ImGui::NewFrame();
    SetTestHookFrame(app.frame);

    ShowMainMenuBar(app.ui);
    auto run = app.runner.latest();
    if (app.ui.show_program)
        ShowProgramWindow(&app.ui.show_program, app.program, kExampleFiles, run.get());
    if (app.program.run_requested)
        app.runner.run(app.program.source);
    if (app.program.stop_requested)
        app.runner.stop();
    app.program.run_requested = app.program.stop_requested = false;
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

static void AppendJsonString(std::string& out, std::string_view text) {
    out += '"';
    for (char c : text) {
        switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\n': out += "\\n"; break;
        case '\t': out += "\\t"; break;
        default:
            if ((unsigned char)c < 0x20) {
                char buf[8];
                std::snprintf(buf, sizeof buf, "\\u%04x", c);
                out += buf;
            } else {
                out += c;
            }
        }
    }
    out += '"';
}

static const char* RunStatusName(RunStatus status) {
    switch (status) {
    case RunStatus::Idle: return "idle";
    case RunStatus::Running: return "running";
    case RunStatus::Finished: return "finished";
    case RunStatus::Failed: return "failed";
    case RunStatus::Stopped: return "stopped";
    }
    return "";
}

static void AppendProgramJson(std::string& out, const App& app) {
    auto run = app.runner.latest();
    out += "\"program\":{\"source\":";
    AppendJsonString(out, app.program.source);
    if (run) {
        char buf[160];
        std::snprintf(buf, sizeof buf,
                      ",\"runId\":%llu,\"status\":\"%s\",\"instructions\":%llu,\"errorLine\":%d,"
                      "\"errorCol\":%d,\"output\":",
                      (unsigned long long)run->run_id, RunStatusName(run->status),
                      (unsigned long long)run->instructions, run->error_line, run->error_col);
        out += buf;
        AppendJsonString(out, run->output);
        out += ",\"error\":";
        AppendJsonString(out, run->error);
    }
    out += "},";
}

static void AppendBool(std::string& out, const char* key, bool value, bool comma = true) {
    out += '"';
    out += key;
    out += value ? "\":true" : "\":false";
    if (comma)
        out += ',';
}

// The page's paste event hands the pasted text over before ImGui sees Ctrl+V.
extern "C" EMSCRIPTEN_KEEPALIVE void threadlab_paste(const char* text) { SetClipboardFromPage(text); }

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
    out += ',';
    AppendProgramJson(out, app);
    out.pop_back(); // the trailing comma
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
    ImGuiIO& io = ImGui::GetIO();
    io.GetClipboardTextFn = [](void*) { return ClipboardText(); };
    io.SetClipboardTextFn = [](void*, const char* text) { CopyToPageClipboard(text); };

    app.program.source = kExampleFiles[0].text;
    app.program.run_requested = true; // the first example's output is there when the page opens

    emscripten_set_main_loop(Frame, 0, true);
    return 0;
}
