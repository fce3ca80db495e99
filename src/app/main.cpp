// Threadlab in the browser: the main loop on the page's main thread. It owns the GLFW window
// (a WebGL2 canvas), Dear ImGui, the lab session (the engine's pthread) and the UI state, and answers the page's
// test hook (window.threadlab) through threadlab_state_json().
//
// Index:
//   App            all the state the main loop owns
//   Canvas size    physical-pixel framebuffer that follows the canvas's CSS size
//   Mouse wheel    browser wheel deltas as the notches GLFW and ImGui expect
//   Run commands   the Program window's requests as LabCommands; trace chunks into the timeline
//   Downloads      the run's trace and its program, as files from the page
//   Frame          one frame: input, UI, background, ImGui draw data
//   Language       the page's language: the menu's choice, a link's lang=, localStorage
//   State JSON     what window.threadlab.state() returns
//   Timeline URLs  ?bench=timeline (bench/timeline.mjs) and ?timeline=synthetic
//   main
#include <emscripten.h>
#include <GLES3/gl3.h>
#define GLFW_INCLUDE_ES3
#include <GLFW/glfw3.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <memory>
#include <optional>
#include <string>
#include <thread>
#include <string_view>
#include <unistd.h>

#include "app/explore_job.h"
#include "app/lab_session.h"
#include "app/real_machine.h"
#include "app/share.h"
#include "app/state_json.h"
#include "app/touch_input.h"
#include "app/web_bridge.h"
#include "imgui.h"
#include "imgui_impl_glfw.h"
#include "imgui_impl_opengl3.h"
#include "config/example_programs.h"
#include "explore/explore.h"
#include "ui/explore_window.h"
#include "ui/gl/background.h"
#include "ui/lab_windows.h"
#include "ui/lesson_window.h"
#include "ui/layout.h"
#include "ui/program_window.h"
#include "ui/strings.h"
#include "ui/test_hooks.h"
#include "ui/theme.h"
#include "ui/timeline.h"
#include "ui/timeline_bench.h"
#include "ui/ui.h"
#include "version.h"

// The composition root: the page's main loop speaks the app's and the windows' names.
using namespace app;
using namespace ui;

// ----------------------------------------------------------------------------------------------
// App
// ----------------------------------------------------------------------------------------------

// What the current fonts and style were built for; rebuilt when any of these changes.
struct AppliedStyle {
    Theme theme = Theme::Dark;
    float font_size = 0.0f;
    float dpr = 0.0f;
    bool touch = false;
};

struct App {
    GLFWwindow* window = nullptr;
    LabSession session;
    ProgramWindowState program;
    LessonWindowState lesson;
    int stored_lesson = -1;          // the lesson last put in the browser's storage
    std::string language_fragment;   // the page link the language last followed
    ui::gl::BackgroundRenderer background;
    UiState ui;
    TimelineView timeline;
    TimelineData timeline_data;
    LabSelection selection;          // shared by the lab's panels and the timeline
    machine::ThreadId timeline_selected = machine::kNoThread; // the timeline's selection last frame
    ThreadsWindowState threads_window;
    CodeWindowState code_window;
    AddressSpaceWindowState address_window;
    OutputWindowState output_window;
    RealMachine real_machine;        // the Real machine window and its probes
    ExploreJob explore_job;          // the Explore window's search, on its own thread
    ExploreView explore_view;
    ExploreWindowState explore_window;
    SchedulerWindowState scheduler_window; // "you are the scheduler"
    ShareSession share;              // Share, and the link the page was opened with
    std::unique_ptr<TimelineBenchRun> bench; // only with ?bench=timeline
    bool timeline_synthetic = false;         // ?timeline=synthetic: it shows that, not the runs
    AppliedStyle applied;
    std::string trace_download_name; // the file an ExportTrace on its way will be saved as
    int framebuffer_width = 0, framebuffer_height = 0;
    double css_width = 0, css_height = 0;
    float dpr = 1.0f;
    int frame = 0;
    bool frames_paced = false; // a few frames a second while the Real machine measures
    std::string state_json; // reused between calls of threadlab_state_json
};

static App* g_app = nullptr; // the one app; emscripten's main loop callback takes no argument

// The longest step of time one frame may account for (see Frame).
constexpr float kMaxFrameDeltaSeconds = 1.0f / 20.0f;


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
    // Sized for fingers on a phone's layout, and wherever the main pointer is a finger.
    const bool touch = CurrentLayout() == LayoutMode::Compact || PrimaryPointerIsCoarse();
    AppliedStyle wanted{app.ui.theme, app.ui.font_size, app.dpr, touch};
    if (wanted.theme == app.applied.theme && wanted.font_size == app.applied.font_size &&
        wanted.dpr == app.applied.dpr && wanted.touch == app.applied.touch)
        return;
    ApplyTheme(wanted.theme, wanted.dpr, wanted.touch);
    if (wanted.font_size != app.applied.font_size || wanted.dpr != app.applied.dpr) {
        BuildFonts(std::round(wanted.font_size * wanted.dpr));
        ImGui_ImplOpenGL3_DestroyFontsTexture();
        ImGui_ImplOpenGL3_CreateFontsTexture();
    }
    app.applied = wanted;
}

// ----------------------------------------------------------------------------------------------
// Mouse wheel
// ----------------------------------------------------------------------------------------------

// Emscripten 3.1.6's GLFW hands the scroll callback the browser's raw wheel deltas: pixels (or
// lines, in Firefox), positive for scrolling down. GLFW and ImGui count notches, positive for the
// wheel turned up; without this every ImGui window scrolls a hundred times too far, backwards.
static void ScrollInNotches(GLFWwindow* window, double dx, double dy) {
    const auto notches = [](double delta) { return -delta / (std::fabs(delta) >= 20 ? 100.0 : 3.0); };
    ImGui_ImplGlfw_ScrollCallback(window, notches(dx), notches(dy));
}

// ----------------------------------------------------------------------------------------------
// Run commands
// ----------------------------------------------------------------------------------------------

// Turns what the Program window asked for this frame into commands for the engine thread.
static void SendProgramCommands(App& app) {
    ProgramWindowState& p = app.program;
    app.session.set_speed(std::pow(10.0, (double)p.speed_log10));
    if (p.load_requested) {
        const config::LabConfig& c = p.config;
        LabCommand load{LabCommand::Kind::Load, config::apply_sliders(config::program_source(c), c.sliders),
                        config::to_machine_config(c)};
        load.baseline = config::speedup_baseline(c);
        load.schedule = c.schedule;
        app.session.send(std::move(load));
        if (p.play_after_load)
            app.session.send({LabCommand::Kind::Play});
    }
    if (p.play_requested)
        app.session.send({LabCommand::Kind::Play});
    if (p.pause_requested)
        app.session.send({LabCommand::Kind::Pause});
    if (p.step_requested)
        app.session.send({LabCommand::Kind::StepInstruction});
    if (p.step_slice_requested)
        app.session.send({LabCommand::Kind::StepSlice});
    p.load_requested = p.play_after_load = p.play_requested = p.pause_requested = false;
    p.step_requested = p.step_slice_requested = false;
}

// The timeline's data lives on the UI thread, fed from each snapshot (SyncTimelineWithLab); a
// new run is shown whole and followed while it plays.
static void FeedTimeline(App& app, const lab::LabSnapshot& snap) {
    if (snap.run_id != app.timeline_data.run_id) {
        app.timeline.fit_requested = true;
        app.timeline.follow_live = true;
        app.timeline.cursor = -1;
    }
    SyncTimelineWithLab(app.timeline_data, snap);
}

// ----------------------------------------------------------------------------------------------
// Downloads
// ----------------------------------------------------------------------------------------------

// "race.py", "race-trace.json": named after the lesson, so several runs saved side by side are told apart.
static std::string DownloadName(const config::LabConfig& c, const char* suffix) {
    return (c.lesson.empty() ? std::string("program") : c.lesson) + suffix;
}

// The program is saved as it runs (with its sliders' values), so CPython runs the same program.
// The trace is made on the engine thread (a long run's JSON takes a moment) and saved when it
// arrives, a frame or two later.
static void FollowDownloads(App& app) {
    const config::LabConfig& c = app.program.config;
    if (app.ui.download_program_requested)
        DownloadFile(DownloadName(c, ".py").c_str(), "text/x-python",
                     config::apply_sliders(config::program_source(c), c.sliders));
    if (app.ui.download_trace_requested) {
        app.trace_download_name = DownloadName(c, "-trace.json");
        app.session.send({LabCommand::Kind::ExportTrace});
    }
    app.ui.download_program_requested = app.ui.download_trace_requested = false;
    if (std::optional<std::string> json = app.session.take_trace_export(); json && !json->empty())
        DownloadFile(app.trace_download_name.c_str(), "application/json", *json);
}

// ----------------------------------------------------------------------------------------------
// Frame
// ----------------------------------------------------------------------------------------------

// The lab's panels, and the selection they share with the timeline: a thread picked in the
// timeline selects it in the panels and back; an output line's moment moves the timeline cursor.
static void ShowLabPanels(App& app, const lab::LabSnapshot& snap) {
    LabSelection& sel = app.selection;
    if (app.timeline.selected_thread != app.timeline_selected)
        sel.thread = app.timeline.selected_thread;
    if (app.ui.show_threads)
        ShowThreadsWindow(&app.ui.show_threads, snap, sel, app.threads_window);
    if (app.ui.show_code)
        ShowCodeWindow(&app.ui.show_code, snap, sel, app.code_window);
    if (app.ui.show_address_space)
        ShowAddressSpaceWindow(&app.ui.show_address_space, snap, sel, app.address_window);
    if (app.ui.show_output)
        ShowOutputWindow(&app.ui.show_output, snap, sel, app.output_window);
    if (app.ui.show_run_metrics)
        ShowMetricsWindow(&app.ui.show_run_metrics, snap);
    if (sel.timeline_time >= 0) {
        app.timeline.cursor = sel.timeline_time;
        app.timeline.follow_live = false;
        sel.timeline_time = -1;
    }
    app.timeline.selected_thread = app.timeline_selected = sel.thread;
}

// ----------------------------------------------------------------------------------------------
// Language
// ----------------------------------------------------------------------------------------------

// The language the visitor chose last time (localStorage), and remembering a new choice.
EM_JS(int, tl_stored_language_is_chinese, (), {
    try { return localStorage.getItem('threadlab.lang') === 'zh' ? 1 : 0; } catch (e) { return 0; }
});
EM_JS(void, tl_store_language, (const char* code), {
    try { localStorage.setItem('threadlab.lang', UTF8ToString(code)); } catch (e) {}
});

// The lesson the visitor had open last time: the Lesson window shows it again on a page opened
// without a link (a first visit, with nothing stored, shows lesson 1).
EM_JS(void, tl_stored_lesson, (char* out, int size), {
    try { stringToUTF8(localStorage.getItem('threadlab.lesson') || '', out, size); } catch (e) {}
});
EM_JS(void, tl_store_lesson, (const char* id), {
    try { localStorage.setItem('threadlab.lesson', UTF8ToString(id)); } catch (e) {}
});

static void KeepShownLesson(App& app) {
    const int shown = app.lesson.progress.lesson;
    if (shown < 0 || shown == app.stored_lesson)
        return;
    app.stored_lesson = shown;
    tl_store_lesson(std::string(lessons::all()[size_t(shown)].id).c_str());
}

// The page's language is the menu's choice; a link that names one (lang=) sets it when it opens.
// The run's config carries it, so that links made here carry it too.
static void FollowLanguage(App& app) {
    config::LabConfig& c = app.program.config;
    const std::string& fragment = app.share.fragment;
    if (fragment != app.language_fragment) {
        app.language_fragment = fragment;
        if (fragment.starts_with("lang=") || fragment.find("&lang=") != std::string::npos) {
            SetUiLanguage(c.language);
            tl_store_language(config::language_code(c.language));
        }
    }
    if (c.language != UiLanguage()) {
        c.language = UiLanguage();
        tl_store_language(config::language_code(c.language));
    }
}

// The Explore window: starts and cancels the search on the program as the lab runs it, and
// replays a witness in the lab (its schedule becomes the run's, and the link's).
static void ShowExplore(App& app) {
    app.explore_job.fill(app.explore_view);
    ExploreWindowState& w = app.explore_window;
    ShowExploreWindow(&app.ui.show_explore, app.explore_view, w);
    ProgramWindowState& p = app.program;
    if (w.start_requested) {
        const config::LabConfig& c = p.config;
        explore::ExploreOptions options;
        options.preemptions = w.preemptions;
        options.random_runs = w.random ? w.random_runs : 0;
        options.workers = PageExploreWorkers(std::thread::hardware_concurrency());
        w.replayed = -1;
        app.explore_job.start(config::apply_sliders(config::program_source(c), c.sliders), config::to_machine_config(c),
                              options);
    }
    if (w.cancel_requested)
        app.explore_job.cancel();
    if (w.replay_requested >= 0 && w.replay_requested < (int)app.explore_view.rows.size()) {
        std::string error;
        if (auto schedule = machine::parse_schedule(app.explore_view.rows[w.replay_requested].schedule, error)) {
            p.config.schedule = *schedule;
            p.config.cpus = explore::kExplorerCpus;
            p.load_requested = p.play_after_load = true;
            w.replayed = w.replay_requested;
        }
    }
    if (w.scheduler_requested)
        app.ui.show_scheduler = true;
    w.start_requested = w.cancel_requested = w.scheduler_requested = false;
    w.replay_requested = -1;
}

static void AppendExploreJson(std::string& out, const App& app) {
    const ExploreView& v = app.explore_view;
    char buf[256];
    std::snprintf(buf, sizeof buf,
                  "\"explore\":{\"running\":%s,\"finished\":%s,\"exhaustive\":%s,\"schedules\":%lld,\"pruned\":%lld,"
                  "\"seconds\":%.6f,\"workers\":%d,\"replayed\":%d,\"outcomes\":[",
                  v.running ? "true" : "false", v.finished ? "true" : "false", v.exhaustive ? "true" : "false",
                  (long long)v.schedules, (long long)v.pruned, v.seconds, v.workers, app.explore_window.replayed);
    out += buf;
    for (size_t i = 0; i < v.rows.size(); ++i) {
        const ExploreRow& r = v.rows[i];
        std::snprintf(buf, sizeof buf, "%s{\"exit\":%d,\"count\":%lld,\"preemptions\":%d,\"failure\":", i ? "," : "",
                      r.exit, (long long)r.count, r.preemptions);
        out += buf;
        AppendJsonString(out, r.failure);
        out += ",\"schedule\":";
        AppendJsonString(out, r.schedule);
        out += ",\"output\":";
        AppendJsonString(out, r.output);
        out += ",\"preempted\":[";
        for (size_t k = 0; k < r.preempted.size(); ++k) {
            out += k ? "," : "";
            AppendJsonString(out, ui::PreemptionText(r.preempted[k]));
        }
        out += "]}";
    }
    out += "]},";
}

// While the Real machine measures, the page draws a few frames a second rather than one per
// display refresh: on a 2-core computer the frames' own work (all of it on the CPU where WebGL is
// software, as in a headless browser) took a share of the cores from the threads being timed,
// and the speedup on 2 threads read 1.65 instead of nearly 2. The progress still moves.
constexpr int kMeasuringFrameIntervalMs = 400;

static void PaceFramesWhileMeasuring(App& app, bool measuring) {
    if (measuring == app.frames_paced)
        return;
    app.frames_paced = measuring;
    if (measuring)
        emscripten_set_main_loop_timing(EM_TIMING_SETTIMEOUT, kMeasuringFrameIntervalMs);
    else
        emscripten_set_main_loop_timing(EM_TIMING_RAF, 1);
}

static void Frame() {
    const auto frame_start = std::chrono::steady_clock::now();
    App& app = *g_app;
    FollowCanvasSize(app);
    FollowStyle(app);

    glfwPollEvents();
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplGlfw_NewFrame();
    app.timeline.touch = ApplyTouchInput(app.window, app.dpr);
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
    BeginLayoutFrame(app.ui, app.css_width, app.dpr);
    auto snapshot = app.session.latest();
    if (!app.bench)
        OpenChangedPageLink(app.share, app.program, snapshot.get());
    FollowLanguage(app);
    if (app.ui.show_program)
        ShowProgramWindow(&app.ui.show_program, app.program, config::example_programs(), snapshot.get());
    if (app.real_machine.runner) { // the lessons' costs quote what it measured
        real::ProbeStatus probes = app.real_machine.runner->status();
        app.lesson.real = std::move(probes.report);
        PaceFramesWhileMeasuring(app, probes.running);
    }
    if (app.ui.show_lesson && !app.bench)
        ShowLessonWindow(&app.ui.show_lesson, app.lesson, app.program, snapshot.get());
    HoldLessonRun(app.lesson, app.program);
    KeepShownLesson(app);
    SendProgramCommands(app);
    if (!app.bench)
        KeepDraft(app.share.drafts, app.program);
    FollowDownloads(app);
    if (snapshot && !app.bench && !app.timeline_synthetic) {
        FeedTimeline(app, *snapshot);
        FollowLinkReplay(app.share, app.session, *snapshot, app.selection, app.timeline);
    }
    if (app.ui.show_explore && !app.bench)
        ShowExplore(app);
    if (app.ui.show_scheduler && !app.bench) {
        ShowSchedulerWindow(&app.ui.show_scheduler, snapshot.get(), app.scheduler_window);
        FollowScheduler(app.scheduler_window, app.program.config, app.session, snapshot.get(),
                        app.timeline.selected_thread);
    }
    if (app.ui.show_about)
        ShowAboutWindow(&app.ui.show_about, {THREADLAB_VERSION, THREADLAB_COMMIT, IMGUI_VERSION});
    if (app.ui.show_user_guide)
        ShowUserGuideWindow(&app.ui.show_user_guide);
    if (app.ui.show_metrics)
        ImGui::ShowMetricsWindow(&app.ui.show_metrics);
    if (app.ui.show_real_machine)
        ShowRealMachine(&app.ui.show_real_machine, app.real_machine);
    if (app.bench)
        ShowTimelineBench(*app.bench);
    else if (app.ui.show_timeline)
        ShowTimelineWindow(&app.ui.show_timeline, app.timeline, app.timeline_data,
                           snapshot && snapshot->phase == lab::RunPhase::Playing);
    if (snapshot)
        ShowLabPanels(app, *snapshot);
    if (app.ui.share_requested || app.program.share_requested || ShareShortcutPressed())
        SharePage(app.share, app.program, snapshot.get(), app.selection, app.timeline);
    app.ui.share_requested = app.program.share_requested = false;
    ShowShareWindows(app.share);
    RecordTooltipRect();

    ImGui::Render();
    FinishTouchFrame();
    glViewport(0, 0, app.framebuffer_width, app.framebuffer_height);
    DrawBackground(app.background, GetBackgroundColors(app.ui.theme), 24.0f * app.dpr);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());

    if (app.frame == 0)
        NotifyFirstFrame();
    ++app.frame;
    if (app.bench) {
        const std::chrono::duration<float, std::milli> frame_time = std::chrono::steady_clock::now() - frame_start;
        RecordTimelineBenchFrame(*app.bench, frame_time.count());
    }
}

// ----------------------------------------------------------------------------------------------
// State JSON
// ----------------------------------------------------------------------------------------------

// The run's settings as the Program window holds them; "sliders" has every slider of the
// program with the value it runs with.
static void AppendConfigJson(std::string& out, const config::LabConfig& c) {
    out += "\"config\":{\"lesson\":";
    AppendJsonString(out, c.lesson);
    char buf[320];
    std::snprintf(buf, sizeof buf,
                  ",\"edited\":%s,\"cpus\":%d,\"policy\":\"%s\",\"slice\":%lld,\"gil\":%s,\"switchInterval\":%lld,"
                  "\"bytecodeCost\":%lld,\"contextSwitchCost\":%lld,\"seed\":%llu,\"sliders\":{",
                  c.source.empty() ? "false" : "true", c.cpus, machine::policy_name(c.policy), (long long)c.slice,
                  c.gil ? "true" : "false", (long long)c.switch_interval, (long long)c.bytecode_cost,
                  (long long)c.context_switch_cost, (unsigned long long)c.seed);
    out += buf;
    const char* comma = "";
    for (const config::ProgramSlider& slider : config::find_sliders(config::program_source(c))) {
        auto set = c.sliders.find(slider.name);
        std::snprintf(buf, sizeof buf, "%s\"%s\":%lld", comma, slider.name.c_str(),
                      (long long)(set != c.sliders.end() ? set->second : slider.value));
        out += buf;
        comma = ",";
    }
    out += "},\"schedule\":";
    AppendJsonString(out, machine::format_schedule(c.schedule));
    out += "},";
}

// stdout lines, and the error text (compile error, deadlock report, then stderr lines).
static void AppendProgramJson(std::string& out, const App& app) {
    auto snap = app.session.latest();
    out += "\"program\":{";
    AppendConfigJson(out, app.program.config);
    out += "\"source\":";
    AppendJsonString(out, config::program_source(app.program.config));
    if (snap) {
        char buf[256];
        std::snprintf(buf, sizeof buf,
                      ",\"runId\":%llu,\"sequence\":%llu,\"status\":\"%s\",\"now\":%lld,\"instructions\":%lld,"
                      "\"errorLine\":%d,\"errorCol\":%d,\"traceHash\":\"%016llx\",\"output\":",
                      (unsigned long long)snap->run_id, (unsigned long long)snap->sequence,
                      RunPhaseName(snap->phase), (long long)snap->now, (long long)snap->stats.instructions,
                      snap->error_line, snap->error_col, (unsigned long long)snap->trace_hash);
        out += buf;
        std::string text, errors = snap->error;
        for (const lab::OutputLineView& line : snap->output)
            (line.is_stderr ? errors : text) += line.text + "\n";
        AppendJsonString(out, text);
        out += ",\"error\":";
        AppendJsonString(out, errors);
        out += ",\"compileError\":";
        AppendJsonString(out, snap->compile_error);
        std::snprintf(buf, sizeof buf, ",\"budgetPaused\":%s,\"outputDropped\":%llu,\"threadsNotShown\":%llu,\"draftRestored\":%s",
                      snap->budget_paused ? "true" : "false", (unsigned long long)snap->output_first,
                      (unsigned long long)snap->threads_not_shown,
                      app.program.draft_restored && !app.program.config.source.empty() ? "true" : "false");
        out += buf;
        std::snprintf(buf, sizeof buf, ",\"cpus\":%zu,\"speedup\":%g,\"baseline\":", snap->cpus.size(),
                      snap->stats.speedup);
        out += buf;
        AppendJsonString(out, snap->stats.baseline);
        out += ",\"threads\":[";
        for (const lab::ThreadView& t : snap->threads) {
            std::snprintf(buf, sizeof buf, "%s{\"id\":%d,\"state\":\"%s\",\"instructions\":%lld,\"frames\":%zu,\"ip\":%d,\"line\":%d,\"name\":",
                          t.id ? "," : "", t.id, machine::thread_state_name(t.state), (long long)t.instructions,
                          t.frames.size(), t.frames.empty() ? -1 : (int)t.frames.back().ip,
                          t.frames.empty() ? 0 : t.frames.back().line);
            out += buf;
            AppendJsonString(out, t.name);
            out += '}';
        }
        out += ']';
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
    // heapEnd: how far the heap reaches into the page's fixed memory; it seldom gives memory
    // back, so it reads as the high-water mark the hostile programs are measured by.
    std::snprintf(buf, sizeof buf,
                  "{\"version\":\"%s\",\"commit\":\"%s\",\"frames\":%d,\"dpr\":%g,"
                  "\"canvas\":{\"width\":%d,\"height\":%d,\"cssWidth\":%g,\"cssHeight\":%g},"
                  "\"heapEnd\":%llu,\"engine\":{\"heartbeats\":%llu,",
                  THREADLAB_VERSION, THREADLAB_COMMIT, app.frame, app.dpr,
                  app.framebuffer_width, app.framebuffer_height, app.css_width, app.css_height,
                  (unsigned long long)reinterpret_cast<uintptr_t>(sbrk(0)), (unsigned long long)app.session.heartbeats());
    out += buf;
    AppendBool(out, "alive", app.session.engine_alive(), false);
    out += "},\"windows\":{";
    AppendBool(out, "about", app.ui.show_about);
    AppendBool(out, "metrics", app.ui.show_metrics);
    AppendBool(out, "realMachine", app.ui.show_real_machine);
    AppendBool(out, "explore", app.ui.show_explore);
    AppendBool(out, "scheduler", app.ui.show_scheduler);
    AppendBool(out, "timeline", app.bench ? BenchShowsTimeline(app.bench->bench) : app.ui.show_timeline);
    AppendBool(out, "userGuide", app.ui.show_user_guide, false);
    std::snprintf(buf, sizeof buf, "},\"theme\":\"%s\",\"fontSize\":%g,\"items\":",
                  app.ui.theme == Theme::Dark ? "dark" : "light", app.ui.font_size);
    out += buf;
    AppendItemRectsJson(out, app.frame - 1);
    out += ",\"timeline\":";
    if (app.bench)
        AppendTimelineStateJson(out, app.bench->view, app.bench->data);
    else
        AppendTimelineStateJson(out, app.timeline, app.timeline_data);
    if (auto snap = app.session.latest()) {
        out += ",\"lab\":";
        AppendLabPanelsStateJson(out, *snap, app.selection, app.threads_window);
    }
    if (app.bench) {
        out += ",\"bench\":";
        AppendTimelineBenchJson(out, *app.bench);
    }
    out += ",\"lang\":\"";
    out += config::language_code(UiLanguage());
    out += "\",\"lesson\":";
    AppendLessonStateJson(out, app.lesson, app.program, app.session.latest().get());
    out += ",\"fonts\":";
    AppendGlyphStateJson(out);
    out += ",\"windowTitles\":";
    AppendWindowTitlesJson(out);
    out += ",\"addressMap\":";
    AppendAddressMapJson(out, app.address_window);
    out += ",\"outputDrawn\":{\"program\":";
    AppendDrawnOutputJson(out, app.program.output_drawn);
    out += ",\"output\":";
    AppendDrawnOutputJson(out, app.output_window.drawn);
    out += '}';
    out += ",\"realMachine\":";
    AppendRealMachineStateJson(out, app.real_machine);
    out += ",\"share\":";
    AppendShareStateJson(out, app.share, app.program, app.session.latest().get(), app.selection, app.timeline);
    out += ',';
    AppendExploreJson(out, app);
    AppendSchedulerJson(out, app.scheduler_window, app.session.latest().get());
    AppendLayoutStateJson(out);
    AppendTouchStateJson(out);
    AppendProgramJson(out, app);
    out.pop_back(); // the trailing comma
    out += '}';
    return out.c_str();
}

// ----------------------------------------------------------------------------------------------
// Timeline URLs
// ----------------------------------------------------------------------------------------------

// Whether the page's URL has ?key=value.
EM_JS(int, tl_url_has, (const char* key, const char* value), {
    return new URLSearchParams(window.location.search).get(UTF8ToString(key)) === UTF8ToString(value) ? 1 : 0;
});

// ?bench=timeline runs the timeline's scripted benchmark instead of the lab; ?timeline=synthetic
// opens the Timeline on the benchmark's million-slice trace, to explore by hand and for tests.
static void StartTimelineFromUrl(App& app) {
    if (tl_url_has("bench", "timeline")) {
        app.bench = std::make_unique<TimelineBenchRun>();
        StartTimelineBench(*app.bench);
        app.ui.show_program = false;
    } else if (tl_url_has("timeline", "synthetic")) {
        GenerateSyntheticTimeline(app.timeline_data, SyntheticTraceSpec{});
        app.timeline_synthetic = true;
        app.ui.show_timeline = true;
    }
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
    glfwSetScrollCallback(app.window, ScrollInNotches);
    ImGui_ImplOpenGL3_Init("#version 300 es");
    CreateBackground(app.background);
    ImGuiIO& io = ImGui::GetIO();
    io.GetClipboardTextFn = [](void*) { return ClipboardText(); };
    io.SetClipboardTextFn = [](void*, const char* text) { CopyToPageClipboard(text); };

    if (tl_stored_language_is_chinese()) {
        SetUiLanguage(config::Language::Chinese);
        app.program.config.language = config::Language::Chinese;
    }
    // A link that cannot be used opens the lab's default ("the default lab opened", the banner
    // says), not the first visit's lesson.
    app.share.page_default = app.program.config;
    char stored_lesson[64] = "";
    tl_stored_lesson(stored_lesson, sizeof stored_lesson);
    if (int last = lessons::index_of(stored_lesson); last >= 0) {
        StartLessonProgress(app.lesson.progress, last);
        app.stored_lesson = last;
    } else {
        // A first visit: lesson 1 with its program and settings, its run held for its question
        // as when the Lesson window starts it. A link, read in the first frame, opens its own.
        StartLessonProgress(app.lesson.progress, 0);
        app.program.config = lessons::lesson_config(lessons::all().front(), 0, app.program.config);
        app.lesson.hold_next_load = true;
    }
    // It plays when the page opens, so its output is there at once.
    app.program.load_requested = app.program.play_after_load = true;
    StartTimelineFromUrl(app);

    emscripten_set_main_loop(Frame, 0, true);
    return 0;
}
