#include "ui/test_hooks.h"

#include <algorithm>
#include <cstdio>
#include <cstring>

#include "imgui.h"
#include "imgui_internal.h"
#include "ui/strings.h"

namespace ui {

namespace {

struct ItemRect {
    const char* name = nullptr; // a string literal: compared by content, never freed
    ImVec2 min, max;
    int frame = -1;
};

// A fixed table: recording happens every frame and must not allocate.
constexpr int kMaxItems = 96;
struct ItemRectTable {
    ItemRect items[kMaxItems];
    int count = 0;
    int frame = 0;
};
ItemRectTable g_rects; // UI-thread only, like ImGui's own context

void Record(const char* name, ImVec2 min, ImVec2 max) {
    for (int i = 0; i < g_rects.count; ++i) {
        if (std::strcmp(g_rects.items[i].name, name) == 0) {
            g_rects.items[i] = {name, min, max, g_rects.frame};
            return;
        }
    }
    if (g_rects.count < kMaxItems)
        g_rects.items[g_rects.count++] = {name, min, max, g_rects.frame};
}

} // namespace

void SetTestHookFrame(int frame) { g_rects.frame = frame; }

// Only the part a user can see and click: a row scrolled half out of its table is recorded by its
// visible half, and one scrolled out altogether not at all.
void RecordItemRect(const char* name) {
    const ImDrawList* draw = ImGui::GetWindowDrawList();
    const ImVec2 clip_min = draw->GetClipRectMin(), clip_max = draw->GetClipRectMax();
    const ImVec2 item_min = ImGui::GetItemRectMin(), item_max = ImGui::GetItemRectMax();
    const ImVec2 min(std::max(item_min.x, clip_min.x), std::max(item_min.y, clip_min.y));
    const ImVec2 max(std::min(item_max.x, clip_max.x), std::min(item_max.y, clip_max.y));
    if (min.x < max.x && min.y < max.y)
        Record(name, min, max);
}

void RecordWindowRect(const char* name) {
    ImVec2 pos = ImGui::GetWindowPos(), size = ImGui::GetWindowSize();
    Record(name, pos, ImVec2(pos.x + size.x, pos.y + size.y));
}

// Dear ImGui draws every tooltip in one window of its own (BeginTooltip's "##Tooltip_00").
void RecordTooltipRect() {
    const ImGuiWindow* tooltip = ImGui::FindWindowByName("##Tooltip_00");
    if (tooltip && tooltip->Active && !tooltip->Hidden)
        Record("tooltip", tooltip->Pos, ImVec2(tooltip->Pos.x + tooltip->Size.x, tooltip->Pos.y + tooltip->Size.y));
}

void AppendItemRectsJson(std::string& out, int frame) {
    out += '{';
    bool first = true;
    char buf[160];
    for (int i = 0; i < g_rects.count; ++i) {
        const ItemRect& r = g_rects.items[i];
        if (r.frame < frame - 1)
            continue;
        std::snprintf(buf, sizeof buf, "%s\"%s\":[%.1f,%.1f,%.1f,%.1f]", first ? "" : ",", r.name,
                      r.min.x, r.min.y, r.max.x, r.max.y);
        out += buf;
        first = false;
    }
    out += '}';
}

void AppendWindowTitlesJson(std::string& out) {
    const ImGuiWindowFlags inner = ImGuiWindowFlags_ChildWindow | ImGuiWindowFlags_Tooltip | ImGuiWindowFlags_Popup |
                                   ImGuiWindowFlags_NoTitleBar;
    out += '[';
    bool first = true;
    for (const ImGuiWindow* window : ImGui::GetCurrentContext()->Windows) {
        if (!window->WasActive || window->Hidden || (window->Flags & inner))
            continue;
        // ImGui keeps the name a window was created with: a "###" rename (a switch of language)
        // draws the new title without storing it, so the title is the one WindowTitle gave Begin.
        const char* identity = std::strstr(window->Name, "###");
        const char* shown = identity ? ShownWindowTitle(identity + 3) : nullptr;
        const char* title = shown ? shown : window->Name;
        const char* end = ImGui::FindRenderedTextEnd(title);
        out += first ? "\"" : ",\"";
        for (const char* c = title; c < end; ++c) {
            if (*c == '"' || *c == '\\')
                out += '\\';
            out += *c;
        }
        out += '"';
        first = false;
    }
    out += ']';
}

} // namespace ui
