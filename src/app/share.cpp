#include "app/share.h"

#include <cstdio>

#include "app/drafts.h"
#include "app/state_json.h"
#include "app/web_bridge.h"
#include "imgui.h"
#include "ui/strings.h"

namespace app {

namespace {

ui::ViewerPlace PlaceOf(const lab::LabSnapshot* latest, const ui::LabSelection& selection, const ui::TimelineView& timeline) {
    return {latest, selection.thread, timeline.axis.start_ns, timeline.axis.end_ns()};
}

std::string FragmentOf(const std::string& url) {
    const size_t hash = url.find('#');
    return hash == std::string::npos ? std::string() : url.substr(hash + 1);
}

} // namespace

void OpenChangedPageLink(ShareSession& share, ui::ProgramWindowState& program, const lab::LabSnapshot* latest) {
    if (!TakePageLinkChange())
        return;
    const std::string fragment = FragmentOf(PageUrl());
    if (fragment == share.fragment)
        return;
    share.fragment = fragment;
    // Back to the page as it was opened without a link: the lab it opens by default.
    config::DecodeResult decoded{share.page_default, {}, true};
    if (!fragment.empty())
        decoded = config::decode_fragment(fragment);
    share.problems = {decoded.problems, !decoded.usable};
    share.show_problems = !decoded.problems.empty() || !decoded.usable;
    const config::LabConfig& opened = decoded.usable ? decoded.config : share.page_default;
    program.config = opened;
    RestoreDraft(share.drafts, program);
    program.load_requested = true;
    program.play_after_load = false; // the replay plays it, to the link's moment
    share.replay = {ui::LinkReplay::Step::Loading, latest ? latest->run_id : 0, latest ? latest->sequence : 0, opened};
}

void FollowLinkReplay(ShareSession& share, LabSession& session, const lab::LabSnapshot& snapshot,
                      ui::LabSelection& selection, ui::TimelineView& timeline) {
    ui::LinkReplay& replay = share.replay;
    const config::LabConfig& c = replay.config;
    switch (NextReplayAction(replay, snapshot)) {
    case ui::ReplayAction::Wait:
        return;
    case ui::ReplayAction::Start:
        if (c.time > 0)
            session.send({.kind = LabCommand::Kind::RunTo, .until = c.time});
        else
            session.send({.kind = LabCommand::Kind::Play});
        replay.step = ui::LinkReplay::Step::Replaying;
        replay.run = snapshot.run_id;
        return;
    case ui::ReplayAction::RestoreView:
        selection.thread = c.selected_thread; // -1 is machine::kNoThread
        timeline.show_begin = c.zoom_begin;
        timeline.show_end = c.zoom_end;
        if (c.time > 0)
            timeline.cursor = c.time;
        replay.step = ui::LinkReplay::Step::Idle;
        return;
    case ui::ReplayAction::Abandon:
        replay.step = ui::LinkReplay::Step::Idle;
        return;
    }
}

bool ShareShortcutPressed() {
    const ImGuiIO& io = ImGui::GetIO();
    return (io.KeyCtrl || io.KeySuper) && ImGui::IsKeyPressed('S', false);
}

void SharePage(ShareSession& share, const ui::ProgramWindowState& program, const lab::LabSnapshot* latest,
               const ui::LabSelection& selection, const ui::TimelineView& timeline) {
    const std::string fragment = config::encode_fragment(ConfigToShare(program.config, PlaceOf(latest, selection, timeline)));
    // Sharing the same state again adds no history entry: back goes to the state before.
    share.share.url = fragment == share.fragment ? PageUrl() : PushPageLink(fragment);
    share.fragment = fragment;
    ImGui::SetClipboardText(share.share.url.c_str());
    share.share.shared_at = ImGui::GetTime();
    share.show_share = true;
}

void ShowShareWindows(ShareSession& share) {
    if (share.show_problems)
        ShowLinkProblemsWindow(&share.show_problems, share.problems);
    if (share.show_share) {
        share.share.copy_refused = LastCopyRefused();
        ShowShareWindow(&share.show_share, share.share);
    }
}

void AppendShareStateJson(std::string& out, const ShareSession& share, const ui::ProgramWindowState& program,
                          const lab::LabSnapshot* latest, const ui::LabSelection& selection, const ui::TimelineView& timeline) {
    const config::LabConfig c = ConfigToShare(program.config, PlaceOf(latest, selection, timeline));
    out += "{\"url\":";
    AppendJsonString(out, PageUrl());
    out += ",\"fragment\":";
    AppendJsonString(out, config::encode_fragment(c));
    // The run's settings are in program.config; here is where the viewer stands.
    char buf[320];
    std::snprintf(buf, sizeof buf, ",\"view\":{\"time\":%lld,\"selectedThread\":%d,\"zoomBegin\":%lld,\"zoomEnd\":%lld,\"lang\":\"%s\"}",
                  (long long)c.time, c.selected_thread, (long long)c.zoom_begin, (long long)c.zoom_end,
                  config::language_code(c.language));
    out += buf;
    std::snprintf(buf, sizeof buf,
                  ",\"replaying\":%s,\"banner\":%s,\"nothingUsable\":%s,\"shareWindow\":%s,\"copyRefused\":%s,"
                  "\"problems\":[",
                  share.replay.step != ui::LinkReplay::Step::Idle ? "true" : "false", share.show_problems ? "true" : "false",
                  share.problems.nothing_usable ? "true" : "false", share.show_share ? "true" : "false",
                  share.share.copy_refused ? "true" : "false");
    out += buf;
    const char* comma = "";
    for (const config::Problem& problem : share.problems.problems) {
        out += comma;
        out += "{\"field\":";
        AppendJsonString(out, problem.field);
        out += ",\"message\":";
        AppendJsonString(out, problem.message);
        out += ",\"shown\":";  // as the banner words it, in the page's language
        AppendJsonString(out, ui::ProblemText(problem));
        out += '}';
        comma = ",";
    }
    out += "],\"sharedUrl\":";
    AppendJsonString(out, share.share.url);
    out += '}';
}

} // namespace app
