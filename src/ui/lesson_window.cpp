// Sections: following the program · opening a lesson or a step · the prediction · the window ·
// state JSON
#include "ui/lesson_window.h"

#include <algorithm>
#include <cstdio>

#include "imgui.h"
#include "ui/json_text.h"
#include "ui/layout.h"
#include "ui/strings.h"
#include "ui/test_hooks.h"

namespace ui {

namespace {

// --- Following the program ------------------------------------------------------------------------

void Heading(const char* text)
{
    ImGui::Spacing();
    ImGui::Separator();
    ImGui::TextUnformatted(text);
}

// The lesson of the program that runs, if it is one: a link or the Program window may open one.
void FollowProgram(LessonWindowState& state, const ProgramWindowState& program)
{
    int running = lessons::index_of(program.config.lesson);
    if (running >= 0 && program.config.source.empty() && running != state.progress.lesson)
        StartLessonProgress(state.progress, running);
}

bool RunsShownLesson(const LessonWindowState& state, const ProgramWindowState& program)
{
    return state.progress.lesson >= 0 && program.config.source.empty() &&
           program.config.lesson == ShownLesson(state.progress).id;
}

// --- Opening a lesson or a step -------------------------------------------------------------------

void Load(LessonWindowState& state, ProgramWindowState& program, int lesson, int step, const lab::LabSnapshot* snap)
{
    if (lesson != state.progress.lesson)
        StartLessonProgress(state.progress, lesson);
    program.config = lessons::lesson_config(lessons::all()[size_t(lesson)], step, program.config);
    program.load_requested = program.play_after_load = true;
    state.hold_next_load = true;
    state.stale_run = snap ? snap->run_id : 0;
}

// --- The prediction -------------------------------------------------------------------------------

// Buttons side by side while they fit the window's width, then on the next line.
void SameLineIfItFits(bool after_another, const char* label)
{
    if (!after_another)
        return;
    const ImGuiStyle& style = ImGui::GetStyle();
    const float width = ImGui::CalcTextSize(label, nullptr, true).x + 2 * style.FramePadding.x;
    const float right = ImGui::GetItemRectMax().x + style.ItemSpacing.x + width;
    if (right <= ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x)
        ImGui::SameLine();
}

// The answer (or the skip) lets the run go: a held run plays; one that went on already starts
// again, so that what the student sees comes after the guess.
void Release(LessonWindowState& state, ProgramWindowState& program, const lab::LabSnapshot* snap)
{
    if (snap && snap->phase == lab::RunPhase::Ready && snap->run_id > state.stale_run) {
        program.play_requested = true;
        return;
    }
    program.load_requested = program.play_after_load = true;
    state.stale_run = snap ? snap->run_id : 0;
}

void ShowQuestion(LessonWindowState& state, ProgramWindowState& program, const lab::LabSnapshot* snap, int index)
{
    const lessons::Lesson& lesson = ShownLesson(state.progress);
    const lessons::Prediction& p = lesson.predictions[size_t(index)];
    const config::Language language = UiLanguage();
    ImGui::TextWrapped("%.*s", (int)p.question.in(language).size(), p.question.in(language).data());
    const bool held = snap && snap->phase == lab::RunPhase::Ready && snap->run_id > state.stale_run;
    ImGui::TextDisabled("%s", Tr(held ? Str::LessonHeld : Str::LessonAnswerRestarts));
    static const char* kChoiceItems[] = {"lesson/choice/0", "lesson/choice/1", "lesson/choice/2", "lesson/choice/3"};
    for (size_t c = 0; c < p.choices.size() && c < 4; c++) {
        std::string_view label = p.choices[c].label.in(language);
        char text[160];
        std::snprintf(text, sizeof text, "%.*s##choice%zu", (int)label.size(), label.data(), c);
        SameLineIfItFits(c > 0, text);
        if (ImGui::Button(text)) {
            state.progress.predictions[size_t(index)] = {true, false, int(c)};
            Release(state, program, snap);
        }
        RecordItemRect(kChoiceItems[c]);
    }
    SameLineIfItFits(true, Tr(Str::LessonSkip));
    if (ImGui::Button(Tr(Str::LessonSkip))) {
        state.progress.predictions[size_t(index)].skipped = true;
        Release(state, program, snap);
    }
    RecordItemRect("lesson/skip");
}

void ShowReveal(LessonWindowState& state, ProgramWindowState& program, const lab::LabSnapshot* snap, size_t index)
{
    const lessons::Prediction& p = ShownLesson(state.progress).predictions[index];
    const PredictionProgress& progress = state.progress.predictions[index];
    const config::Language language = UiLanguage();
    ImGui::TextWrapped("%.*s", (int)p.question.in(language).size(), p.question.in(language).data());
    if (progress.answered) {
        std::string_view chosen = p.choices[size_t(progress.chosen)].label.in(language);
        ImGui::Text(Tr(Str::LessonYourGuess), std::string(chosen).c_str());
    } else {
        ImGui::TextDisabled("%s", Tr(Str::LessonSkipped));
    }
    const Reveal reveal = RevealOf(p, progress, snap && snap->run_id > state.stale_run ? snap : nullptr, program.config,
                                   language);
    switch (reveal.kind) {
    case Reveal::Kind::Waiting: ImGui::TextDisabled("%s", Tr(Str::LessonWaitingForRun)); return;
    case Reveal::Kind::Measuring: ImGui::TextDisabled("%s", Tr(Str::LessonMeasuring)); return;
    case Reveal::Kind::NoFigure: ImGui::TextWrapped("%s", Tr(Str::LessonNoFigure)); return;
    case Reveal::Kind::Ready: break;
    }
    if (progress.answered) {
        const ImVec4 colour = reveal.correct ? ImVec4(0.35f, 0.8f, 0.4f, 1) : ImVec4(0.95f, 0.6f, 0.25f, 1);
        ImGui::TextColored(colour, "%s", Tr(reveal.correct ? Str::LessonRight : Str::LessonWrong));
        ImGui::SameLine();
    }
    ImGui::TextWrapped(Tr(Str::LessonThisRun), reveal.figure_text.c_str());
    RecordItemRect("lesson/reveal");
    if (reveal.right >= 0) {
        std::string_view right = p.choices[size_t(reveal.right)].label.in(language);
        ImGui::TextWrapped(Tr(Str::LessonRightAnswer), std::string(right).c_str());
    }
    ImGui::TextWrapped(Tr(Str::LessonWhereToLook), std::string(p.where.in(language)).c_str());
    // Once more from the start, held for a new guess (after a setting changed, say).
    static const char* kAgainItems[] = {"lesson/again/0", "lesson/again/1", "lesson/again/2", "lesson/again/3"};
    if (ImGui::Button(Tr(Str::LessonAskAgain))) {
        state.progress.predictions[index] = {};
        program.load_requested = true;
        program.play_after_load = false;
        state.stale_run = snap ? snap->run_id : 0;
    }
    if (index < 4)
        RecordItemRect(kAgainItems[index]);
}

// --- The window -----------------------------------------------------------------------------------

void ShowLessonPicker(LessonWindowState& state, ProgramWindowState& program, const lab::LabSnapshot* snap)
{
    const config::Language language = UiLanguage();
    const int count = int(lessons::all().size());
    const int shown = state.progress.lesson < 0 ? 0 : state.progress.lesson;
    char label[200];
    std::string_view title = lessons::all()[size_t(shown)].title.in(language);
    std::snprintf(label, sizeof label, "%d. %.*s", shown + 1, (int)title.size(), title.data());
    ImGui::SetNextItemWidth(-1);
    if (ImGui::BeginCombo("##lessons", label)) {
        for (int i = 0; i < count; i++) {
            std::string_view t = lessons::all()[size_t(i)].title.in(language);
            char item[200];
            std::snprintf(item, sizeof item, "%d. %.*s", i + 1, (int)t.size(), t.data());
            if (ImGui::Selectable(item, i == shown))
                Load(state, program, i, 0, snap);
        }
        ImGui::EndCombo();
    }
    RecordItemRect("lesson/list");
    ImGui::BeginDisabled(shown == 0);
    if (ImGui::Button(Tr(Str::LessonPrevious)))
        Load(state, program, shown - 1, 0, snap);
    RecordItemRect("lesson/previous");
    ImGui::EndDisabled();
    ImGui::SameLine();
    ImGui::BeginDisabled(shown == count - 1);
    if (ImGui::Button(Tr(Str::LessonNext)))
        Load(state, program, shown + 1, 0, snap);
    RecordItemRect("lesson/next");
    ImGui::EndDisabled();
    ImGui::SameLine();
    ImGui::TextDisabled(Tr(Str::LessonOf), shown + 1, count);
}

void ShowSteps(LessonWindowState& state, ProgramWindowState& program, const lab::LabSnapshot* snap)
{
    const lessons::Lesson& lesson = ShownLesson(state.progress);
    const config::Language language = UiLanguage();
    static const char* kStepItems[] = {"lesson/step/1", "lesson/step/2", "lesson/step/3", "lesson/step/4"};
    Heading(Tr(Str::LessonTryThis));
    for (size_t s = 0; s < lesson.steps.size() && s < 4; s++) {
        const lessons::TryStep& step = lesson.steps[s];
        const bool current = program.config.step == int(s) + 1;
        std::string_view label = step.label.in(language);
        char text[160];
        std::snprintf(text, sizeof text, "%.*s##step%zu", (int)label.size(), label.data(), s);
        if (ImGui::Button(text))
            Load(state, program, state.progress.lesson, int(s) + 1, snap);
        RecordItemRect(kStepItems[s]);
        ImGui::SameLine();
        std::string_view look = step.look.in(language);
        if (current)
            ImGui::TextWrapped("%s %.*s", Tr(Str::LessonStepApplied), (int)look.size(), look.data());
        else
            ImGui::TextDisabled("%.*s", (int)look.size(), look.data());
    }
}

void ShowPredictions(LessonWindowState& state, ProgramWindowState& program, const lab::LabSnapshot* snap)
{
    const lessons::Lesson& lesson = ShownLesson(state.progress);
    const int step = program.config.step;
    const int pending = PendingPrediction(lesson, state.progress, step);
    bool heading = false;
    for (size_t i = 0; i < lesson.predictions.size(); i++) {
        const PredictionProgress& p = state.progress.predictions[i];
        const bool asked = int(i) == pending;
        const bool done = lesson.predictions[i].step == step && (p.answered || p.skipped);
        if (!asked && !done)
            continue;
        if (!heading)
            Heading(Tr(Str::LessonPredict));
        heading = true;
        ImGui::PushID(int(i));
        if (asked)
            ShowQuestion(state, program, snap, int(i));
        else
            ShowReveal(state, program, snap, i);
        ImGui::PopID();
        if (asked)
            break;  // one question at a time
    }
}

// The simulated machine's costs beside the visitor's own machine's, for a lesson about costs.
void ShowCosts(const LessonWindowState& state, const ProgramWindowState& program)
{
    const lessons::Lesson& lesson = ShownLesson(state.progress);
    if (lesson.costs.empty())
        return;
    Heading(Tr(Str::LessonCosts));
    bool unmeasured = false;
    if (ImGui::BeginTable("costs", 3, ImGuiTableFlags_SizingStretchProp | ImGuiTableFlags_RowBg)) {
        ImGui::TableSetupColumn("");
        ImGui::TableSetupColumn(Tr(Str::LessonCostSimulated));
        ImGui::TableSetupColumn(Tr(Str::LessonCostReal));
        ImGui::TableHeadersRow();
        for (const CostRow& row : CostRows(lesson, program.config, state.real, UiLanguage())) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(row.what.c_str());
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(row.simulated.c_str());
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(row.real.empty() ? "…" : row.real.c_str());
            unmeasured |= row.real.empty();
        }
        ImGui::EndTable();
    }
    RecordItemRect("lesson/costs");
    if (unmeasured)
        ImGui::TextDisabled("%s", Tr(Str::LessonCostNotMeasured));
}

// The text scrolls in its own region, so that the question and the steps below it stay in view
// however long the lesson's text is.
void ShowLessonText(const lessons::Lesson& lesson)
{
    const config::Language language = UiLanguage();
    const float line = ImGui::GetTextLineHeightWithSpacing();
    const float height = std::max(5 * line, ImGui::GetContentRegionAvail().y * 0.4f);
    ImGui::BeginChild("text", ImVec2(0, height), true);
    for (const lessons::Text& paragraph : lesson.paragraphs) {
        std::string_view text = paragraph.in(language);
        ImGui::TextWrapped("%.*s", (int)text.size(), text.data());
        ImGui::Spacing();
    }
    if (!lesson.sliders.empty()) {
        std::string names;
        for (std::string_view name : lesson.sliders)
            names += (names.empty() ? "" : ", ") + std::string(name);
        ImGui::TextDisabled(Tr(Str::LessonSliders), names.c_str());
    }
    ImGui::EndChild();
}

void ShowLessonBody(LessonWindowState& state, ProgramWindowState& program, const lab::LabSnapshot* snap)
{
    if (!RunsShownLesson(state, program)) {
        ImGui::TextWrapped("%s", Tr(Str::LessonNotALesson));
        if (ImGui::Button(Tr(Str::LessonStart)))
            Load(state, program, state.progress.lesson < 0 ? 0 : state.progress.lesson, 0, snap);
        RecordItemRect("lesson/start");
    }
    ShowLessonText(ShownLesson(state.progress));
    if (RunsShownLesson(state, program)) {
        ShowPredictions(state, program, snap);
        ShowSteps(state, program, snap);
        ShowCosts(state, program);
    }
}

// --- State JSON -----------------------------------------------------------------------------------

// The code points of UTF-8 `text`, handed to `visit`.
template <typename Visit>
void ForEachCodePoint(std::string_view text, Visit visit)
{
    for (size_t i = 0; i < text.size();) {
        const uint8_t lead = uint8_t(text[i]);
        const int extra = lead < 0x80 ? 0 : lead < 0xe0 ? 1 : lead < 0xf0 ? 2 : 3;
        uint32_t code = extra == 0 ? lead : lead & (0x3f >> extra);
        for (int k = 1; k <= extra && i + size_t(k) < text.size(); k++)
            code = code << 6 | (uint8_t(text[i + size_t(k)]) & 0x3f);
        visit(code);
        i += size_t(extra) + 1;
    }
}

} // namespace

void AppendGlyphStateJson(std::string& out)
{
    const ImFont* font = ImGui::GetIO().FontDefault;
    int cjk = 0, missing = 0;
    auto count = [&](std::string_view text) {
        ForEachCodePoint(text, [&](uint32_t code) {
            if (code >= 0x20 && code <= 0xffff && (!font || !font->FindGlyphNoFallback(ImWchar(code))))
                missing++;
        });
    };
    for (const StringRow& row : AllStrings()) {
        count(row.en);
        count(row.zh);
    }
    for (const lessons::Lesson& lesson : lessons::all()) {
        count(lesson.title.en);
        count(lesson.title.zh);
        for (const lessons::Text& t : lesson.paragraphs) {
            count(t.en);
            count(t.zh);
        }
        for (const lessons::TryStep& step : lesson.steps) {
            count(step.label.zh);
            count(step.look.zh);
        }
        for (const lessons::Prediction& p : lesson.predictions) {
            count(p.question.zh);
            count(p.where.zh);
            for (const lessons::Choice& c : p.choices)
                count(c.label.zh);
        }
    }
    if (font)
        for (const ImFontGlyph& glyph : font->Glyphs)
            cjk += glyph.Codepoint >= 0x2e80;
    char buf[96];
    std::snprintf(buf, sizeof buf, "{\"cjkGlyphs\":%d,\"missingGlyphs\":%d}", cjk, missing);
    out += buf;
}

void ShowLessonWindow(bool* open, LessonWindowState& state, ProgramWindowState& program, const lab::LabSnapshot* snap)
{
    FollowProgram(state, program);
    SetNextWindowDefaultPlace(LabWindow::Lesson);
    if (!ImGui::Begin(WindowTitle(Str::TitleLesson), open)) {
        ImGui::End();
        return;
    }
    RecordWindowRect("window/Lesson");
    ShowLessonPicker(state, program, snap);
    ShowLessonBody(state, program, snap);
    ImGui::End();
}

void HoldLessonRun(LessonWindowState& state, ProgramWindowState& program)
{
    if (!state.hold_next_load)
        return;
    state.hold_next_load = false;
    if (program.load_requested && RunsShownLesson(state, program) &&
        PendingPrediction(ShownLesson(state.progress), state.progress, program.config.step) >= 0)
        program.play_after_load = false;
}

void AppendLessonStateJson(std::string& out, const LessonWindowState& state, const ProgramWindowState& program,
                           const lab::LabSnapshot* snap)
{
    const lessons::Lesson& lesson = ShownLesson(state.progress);
    out += "{\"id\":";
    AppendJsonText(out, lesson.id);
    out += ",\"title\":";
    AppendJsonText(out, lesson.title.in(UiLanguage()));
    char buf[200];
    std::snprintf(buf, sizeof buf, ",\"running\":%s,\"step\":%d,\"pending\":%d,\"predictions\":[",
                  RunsShownLesson(state, program) ? "true" : "false", program.config.step,
                  PendingPrediction(lesson, state.progress, program.config.step));
    out += buf;
    for (size_t i = 0; i < lesson.predictions.size() && i < state.progress.predictions.size(); i++) {
        const PredictionProgress& p = state.progress.predictions[i];
        const bool this_step = lesson.predictions[i].step == program.config.step;
        const Reveal reveal = RevealOf(lesson.predictions[i], p, this_step && snap && snap->run_id > state.stale_run ? snap : nullptr,
                                       program.config, UiLanguage());
        const bool ready = reveal.kind == Reveal::Kind::Ready;
        std::snprintf(buf, sizeof buf,
                      "%s{\"step\":%d,\"answered\":%s,\"skipped\":%s,\"chosen\":%d,\"revealed\":%s,\"correct\":%s,"
                      "\"right\":%d,\"figure\":%.17g,\"text\":",
                      i ? "," : "", lesson.predictions[i].step, p.answered ? "true" : "false", p.skipped ? "true" : "false",
                      p.chosen, ready ? "true" : "false", ready && reveal.correct ? "true" : "false", reveal.right,
                      ready ? reveal.figure : 0.0);
        out += buf;
        AppendJsonText(out, reveal.figure_text);
        out += '}';
    }
    out += "]}";
}

} // namespace ui
