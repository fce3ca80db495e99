// Share and open links in the page: the app's side of the permalink (config/permalink.h). Share
// puts the link of what is shown in the URL and on the clipboard; a link in the URL (when the page
// opens, on back/forward, after a hand edit) is decoded, loaded, replayed to its moment, and its
// view put back; what was wrong in it shows in a banner.
#pragma once
#include <string>

#include "app/drafts.h"
#include "app/lab_session.h"
#include "ui/lab_selection.h"
#include "ui/program_window.h"
#include "ui/share_model.h"
#include "ui/share_window.h"
#include "ui/timeline.h"

namespace app {

struct ShareSession {
    config::LabConfig page_default; // what the page opens without a link
    bool show_share = false;
    ui::ShareWindowState share;
    bool show_problems = false;
    ui::LinkProblemsState problems;
    ui::LinkReplay replay;
    std::string fragment; // the page's fragment as this lab last wrote or opened it
    DraftKeeper drafts;   // the edits kept in the browser's storage
};

// Before the Program window's commands go out: open the page's link if it changed.
void OpenChangedPageLink(ShareSession& share, ui::ProgramWindowState& program, const lab::LabSnapshot* latest);
// Once the frame's snapshot is in the timeline: move an opened link's replay on, and put its
// selection and zoom back when it arrives.
void FollowLinkReplay(ShareSession& share, LabSession& session, const lab::LabSnapshot& snapshot,
                      ui::LabSelection& selection, ui::TimelineView& timeline);
// Ctrl+S (Cmd+S on a Mac), anywhere in the page.
bool ShareShortcutPressed();
// The link of what is shown: a new history entry, on the clipboard, and in the Share window.
void SharePage(ShareSession& share, const ui::ProgramWindowState& program, const lab::LabSnapshot* latest,
               const ui::LabSelection& selection, const ui::TimelineView& timeline);
void ShowShareWindows(ShareSession& share);
// The share's part of window.threadlab.state(): the URL, the lab's config as a link would carry it
// now, the banner's problems. Appends a JSON object.
void AppendShareStateJson(std::string& out, const ShareSession& share, const ui::ProgramWindowState& program,
                          const lab::LabSnapshot* latest, const ui::LabSelection& selection, const ui::TimelineView& timeline);

} // namespace app
