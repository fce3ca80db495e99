// Nothing typed is lost: the editor's program is kept in the browser's storage per lesson as it
// is typed, and a page opened again (after a reload, or a crash) on that lesson without a
// program of its own in the link shows the kept one, with a way back to the lesson's original.
#pragma once
#include <string>

#include "ui/program_window.h"

namespace app {

struct DraftKeeper {
    std::string lesson;  // the lesson whose draft `saved` is
    std::string saved;   // what the storage holds for it ("" : nothing)
};

// After a link opened into `program`: its lesson's kept draft goes into the editor when the
// link carries no edited program (program.draft_restored says so to the Program window).
void RestoreDraft(DraftKeeper& drafts, ui::ProgramWindowState& program);
// Once a frame: stores the edited program when it changed (the lesson's original: forgets it).
void KeepDraft(DraftKeeper& drafts, const ui::ProgramWindowState& program);

} // namespace app
