#include "app/drafts.h"

#include "app/web_bridge.h"

namespace app {

void RestoreDraft(DraftKeeper& drafts, ui::ProgramWindowState& program) {
    config::LabConfig& c = program.config;
    drafts.lesson = c.lesson;
    drafts.saved = LoadDraft(c.lesson);
    program.draft_restored = false;
    if (!c.source.empty() || drafts.saved.empty() || drafts.saved == config::program_source(c))
        return;
    c.source = drafts.saved;
    program.draft_restored = true;
}

void KeepDraft(DraftKeeper& drafts, const ui::ProgramWindowState& program) {
    const config::LabConfig& c = program.config;
    if (c.lesson != drafts.lesson) {
        drafts.lesson = c.lesson;
        drafts.saved = LoadDraft(c.lesson);
    }
    if (c.source == drafts.saved)
        return;
    if (c.source.empty())
        ForgetDraft(c.lesson);
    else
        SaveDraft(c.lesson, c.source);
    drafts.saved = c.source;
}

} // namespace app
