// The Address space window: one process's memory as a map (text, data, heap, shared memory, a
// stack per thread, each band as wide as its share), and below it the contents of each region:
// code objects, globals with their values, heap objects with their type, value and referrers
// (a threading.local with each thread's attributes), the multiprocessing Values and Arrays with
// the processes that share them, and each thread's stack with frames, locals and its
// thread-local attributes. Values that changed since the previous snapshot
// flash; clicking a heap reference or a stack selects it everywhere.
//
// Index:
//   Memory map     the bands, their labels, clicks
//   Regions        text, data, heap, stacks
//   Window         ShowAddressSpaceWindow
#include <algorithm>
#include <cfloat>
#include <cstdio>

#include "imgui.h"
#include "ui/layout.h"
#include "ui/strings.h"
#include "ui/lab_windows.h"
#include "ui/palette.h"
#include "ui/test_hooks.h"
#include "ui/theme.h"
#include "ui/threads_model.h"

namespace ui {

namespace {

// ---------------------------------------------------------------------------------------------
// Memory map
// ---------------------------------------------------------------------------------------------

// Region colours, translucent so the theme's background shows through (readable on both
// themes); a stack takes its thread's colour, as everywhere else.
ImU32 RegionColor(const MemoryRegion& region) {
    switch (region.kind) {
    case RegionKind::Text: return IM_COL32(96, 140, 214, 150);
    case RegionKind::Data: return IM_COL32(86, 176, 120, 150);
    case RegionKind::Heap: return IM_COL32(214, 160, 70, 150);
    case RegionKind::Stack: return WithAlpha(ThreadColor(region.thread), 0.6f);
    case RegionKind::Shared: return IM_COL32(170, 110, 200, 150);
    }
    return 0;
}

// A band's name ("heap", "stack worker") and its size in its unit ("1664 bytes").
void RegionLabel(const lab::LabSnapshot& snap, const MemoryRegion& region, char (&label)[64], char (&amount)[48]) {
    const lab::ThreadView* thread = region.kind == RegionKind::Stack ? FindThread(snap, region.thread) : nullptr;
    if (thread)
        std::snprintf(label, sizeof label, Tr(Str::AddrStackOf), thread->name.c_str());
    else
        std::snprintf(label, sizeof label, "%s", RegionName(region.kind));
    static constexpr Str kUnits[] = {Str::RegionUnitText, Str::RegionUnitData, Str::RegionUnitHeap, Str::RegionUnitStack,
                                     Str::RegionUnitShared};
    std::snprintf(amount, sizeof amount, Tr(kUnits[size_t(region.kind)]), (unsigned long long)region.weight);
}

// What a band has room for: its whole label and size, or only its region's name ("stack"), so
// that lesson 1's four words stay readable, or nothing (the legend names it).
enum class BandText { Whole, Name, None };

BandText FitBandText(float band_width, const char* label, const char* amount, const char* name) {
    const float room = band_width - 2 * ImGui::GetStyle().FramePadding.x;
    if (ImGui::CalcTextSize(label).x <= room && ImGui::CalcTextSize(amount).x <= room)
        return BandText::Whole;
    return ImGui::CalcTextSize(name).x <= room ? BandText::Name : BandText::None;
}

// The bands not named whole are named below the map: a colour chip and "name: size" each,
// side by side while they fit the width.
void MapLegend(const lab::LabSnapshot& snap, const std::vector<MemoryRegion>& regions, float width) {
    char label[64], amount[48], entry[128];
    const float chip = ImGui::GetTextLineHeight() * 0.8f;
    bool first = true;
    for (const MemoryRegion& region : regions) {
        RegionLabel(snap, region, label, amount);
        if (FitBandText((region.end - region.start) * width, label, amount, RegionName(region.kind)) == BandText::Whole)
            continue;
        std::snprintf(entry, sizeof entry, Tr(Str::AddrLegendEntry), label, amount);
        const float entry_width = chip + ImGui::GetStyle().ItemInnerSpacing.x + ImGui::CalcTextSize(entry).x;
        if (!first && ImGui::GetItemRectMax().x + ImGui::GetStyle().ItemSpacing.x + entry_width <=
                          ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x)
            ImGui::SameLine();
        first = false;
        ImGui::BeginGroup();
        const ImVec2 p = ImGui::GetCursorScreenPos();
        const float y = p.y + (ImGui::GetTextLineHeight() - chip) * 0.5f;
        ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(p.x, y), ImVec2(p.x + chip, y + chip), RegionColor(region));
        ImGui::Dummy(ImVec2(chip, ImGui::GetTextLineHeight()));
        ImGui::SameLine(0, ImGui::GetStyle().ItemInnerSpacing.x);
        ImGui::TextUnformatted(entry);
        ImGui::EndGroup();
    }
    if (!first)
        RecordItemRect("address/legend");
}

// Returns the band clicked this frame, or null. A band too narrow for its label shows only its
// region's name, or nothing when even that does not fit; the legend below the map and the
// band's tooltip say the rest, so no text is ever cut to "te" or "sta".
const MemoryRegion* MemoryMap(const lab::LabSnapshot& snap, AddressSpaceWindowState& state, const LabSelection& sel) {
    const std::vector<MemoryRegion>& regions = state.regions;
    const float line = ImGui::GetTextLineHeight();
    const float width = ImGui::GetContentRegionAvail().x, height = line * 2.6f;
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    ImGui::InvisibleButton("map", ImVec2(width, height));
    RecordItemRect("address/map");
    const bool clicked = ImGui::IsItemClicked();
    const bool hovered = ImGui::IsItemHovered();
    const float mouse_x = ImGui::GetIO().MousePos.x;
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ImU32 border = ImGui::GetColorU32(ImGuiCol_Border);
    const ImU32 text = ImGui::GetColorU32(ImGuiCol_Text);
    const float pad = ImGui::GetStyle().FramePadding.x;
    const MemoryRegion* hit = nullptr;
    char label[64], amount[48];
    state.bands_drawn.clear();
    for (const MemoryRegion& region : regions) {
        const ImVec2 min(origin.x + region.start * width, origin.y);
        const ImVec2 max(origin.x + region.end * width, origin.y + height);
        draw->AddRectFilled(min, max, RegionColor(region));
        const bool selected = region.kind == RegionKind::Stack && region.thread == sel.thread;
        draw->AddRect(min, max, selected ? text : border, 0.0f, 0, selected ? 2.0f : 1.0f);
        RegionLabel(snap, region, label, amount);
        const char* name = RegionName(region.kind);
        const BandText fit = FitBandText(max.x - min.x, label, amount, name);
        AddressSpaceWindowState::BandDrawn& drawn = state.bands_drawn.emplace_back();
        drawn.band_width = max.x - min.x;
        drawn.in_legend = fit != BandText::Whole;
        if (fit == BandText::Whole) {
            draw->AddText(ImVec2(min.x + pad, min.y + line * 0.25f), text, label);
            draw->AddText(ImVec2(min.x + pad, min.y + line * 1.35f), text, amount);
            drawn.text = std::string(label) + " / " + amount;
            drawn.text_width = std::max(ImGui::CalcTextSize(label).x, ImGui::CalcTextSize(amount).x) + 2 * pad;
        } else if (fit == BandText::Name) {
            draw->AddText(ImVec2(min.x + pad, min.y + (height - line) * 0.5f), text, name);
            drawn.text = name;
            drawn.text_width = ImGui::CalcTextSize(name).x + 2 * pad;
        }
        if (hovered && mouse_x >= min.x && mouse_x < max.x) {
            ImGui::SetTooltip(Tr(Str::AddrMapTip), label, amount);
            if (clicked)
                hit = &region;
        }
    }
    return hit;
}

// ---------------------------------------------------------------------------------------------
// Regions
// ---------------------------------------------------------------------------------------------

void TextRegion(const lab::ProcessView& process) {
    for (const lab::CodeView& code : process.codes) {
        ImGui::BulletText("%s", code.name.c_str());
        ImGui::SameLine();
        ImGui::TextDisabled(Tr(Str::AddrCodeObject), code.instructions.size(), code.first_line);
    }
}

void DataRegion(const lab::ProcessView& process, LabSelection& sel) {
    if (process.globals.empty()) {
        ImGui::TextDisabled("%s", Tr(Str::AddrNoGlobals));
        return;
    }
    if (!ImGui::BeginTable("globals", 3, ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp))
        return;
    ImGui::TableSetupColumn("name", ImGuiTableColumnFlags_WidthFixed);
    ImGui::TableSetupColumn("type", ImGuiTableColumnFlags_WidthFixed);
    ImGui::TableSetupColumn("value");
    ImGui::PushFont(GetCodeFont());
    for (size_t i = 0; i < process.globals.size(); ++i) {
        const lab::Variable& global = process.globals[i];
        ImGui::PushID(int(i));
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(global.name.c_str());
        ImGui::TableNextColumn();
        ImGui::TextDisabled("%s", global.value.type.c_str());
        ImGui::TableNextColumn();
        ShowVariableValue(global, sel);
        ImGui::PopID();
    }
    ImGui::PopFont();
    ImGui::EndTable();
}

// "x = 1, name = 'a'": a thread's attributes of a threading.local, on one line.
void ThreadLocalAttributes(const lab::ThreadLocalView& view) {
    for (size_t i = 0; i < view.attributes.size(); ++i) {
        if (i > 0)
            ImGui::SameLine(0, 0);
        ImGui::Text("%s%s = %s", i > 0 ? ", " : "", view.attributes[i].name.c_str(), view.attributes[i].value.repr.c_str());
    }
    if (view.attributes.empty())
        ImGui::TextDisabled("%s", Tr(Str::AddrNothingSet));
}

// Under a threading.local's row: what each thread sees in it.
void PerThreadRows(const lab::LabSnapshot& snap, const lab::HeapObjectView& object) {
    for (const lab::ThreadLocalView& view : object.per_thread) {
        const lab::ThreadView* thread = FindThread(snap, view.thread);
        ImGui::PushStyleColor(ImGuiCol_Text, ThreadColor(view.thread));
        ImGui::Bullet();
        ImGui::PopStyleColor();
        ImGui::SameLine();
        ImGui::TextDisabled("%s:", thread ? thread->name.c_str() : "?");
        ImGui::SameLine();
        ThreadLocalAttributes(view);
        RecordItemRect("address/thread-local");
    }
}

// Who else sees a Value's or Array's numbers.
void SharedWith(const lab::LabSnapshot& snap, const lab::ProcessView& process, const lab::HeapObjectView& object) {
    const std::vector<const lab::ProcessView*> sharing = ProcessesSharing(snap, process, object);
    std::string names;
    for (const lab::ProcessView* other : sharing)
        names += (names.empty() ? "" : ", ") + other->name;
    char seen_by[256];
    std::snprintf(seen_by, sizeof seen_by, Tr(Str::AddrSharedAlsoSeenBy), names.c_str());
    ImGui::TextDisabled(Tr(Str::AddrSharedSlot), (long long)object.shared_slot, object.shared_count > 1 ? "…" : "",
                        names.empty() ? Tr(Str::AddrSharedNoOther) : seen_by);
}

void HeapRegion(const lab::LabSnapshot& snap, const lab::ProcessView& process, LabSelection& sel) {
    if (process.heap.empty()) {
        ImGui::TextDisabled("%s", Tr(Str::AddrNoObjects));
        return;
    }
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp;
    if (!ImGui::BeginTable("heap", 4, flags))
        return;
    ImGui::TableSetupColumn("#", ImGuiTableColumnFlags_WidthFixed);
    ImGui::TableSetupColumn(Tr(Str::AddrColumnType), ImGuiTableColumnFlags_WidthFixed);
    ImGui::TableSetupColumn(Tr(Str::AddrColumnBytes), ImGuiTableColumnFlags_WidthFixed);
    ImGui::TableSetupColumn(Tr(Str::AddrColumnValue));
    ImGui::TableHeadersRow();
    char id[24];
    for (const lab::HeapObjectView& object : process.heap) {
        ImGui::PushID(int(object.id));
        ImGui::TableNextRow();
        if (object.changed)
            ImGui::TableSetBgColor(ImGuiTableBgTarget_RowBg1, ImGui::GetColorU32(ImGuiCol_PlotHistogram, 0.22f));
        ImGui::TableNextColumn();
        std::snprintf(id, sizeof id, "#%u", object.id);
        if (ImGui::Selectable(id, sel.heap_object == object.id, ImGuiSelectableFlags_SpanAllColumns))
            sel.heap_object = sel.heap_object == object.id ? lab::kNoObject : object.id;
        if (ImGui::IsItemHovered() && !object.referrers.empty()) {
            ImGui::BeginTooltip();
            ImGui::TextDisabled("%s", Tr(Str::AddrReferredBy));
            for (const std::string& referrer : object.referrers)
                ImGui::BulletText("%s", referrer.c_str());
            ImGui::EndTooltip();
        }
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(object.type.c_str());
        ImGui::TableNextColumn();
        ImGui::Text("%u", object.size_bytes);
        ImGui::TableNextColumn();
        ImGui::PushFont(GetCodeFont());
        ImGui::TextUnformatted(object.repr.c_str());
        PerThreadRows(snap, object);
        ImGui::PopFont();
        if (object.shared_slot >= 0)
            SharedWith(snap, process, object);
        if (sel.heap_object == object.id) {
            ImGui::TextDisabled("%s", Tr(Str::AddrReferredBy));
            for (const std::string& referrer : object.referrers)
                ImGui::BulletText("%s", referrer.c_str());
            if (object.referrers.empty())
                ImGui::TextDisabled("%s", Tr(Str::AddrNoReferrers));
        }
        ImGui::PopID();
    }
    ImGui::EndTable();
}

// The numbers this process shares with others (multiprocessing Values and Arrays), each with
// the processes that see it; they are in the heap list too.
void SharedRegion(const lab::LabSnapshot& snap, const lab::ProcessView& process, LabSelection& sel) {
    for (const lab::HeapObjectView& object : process.heap) {
        if (object.shared_slot < 0)
            continue;
        ImGui::PushID(int(object.id));
        char label[64];
        std::snprintf(label, sizeof label, "#%u %s", object.id, object.type.c_str());
        if (ImGui::Selectable(label, sel.heap_object == object.id))
            sel.heap_object = sel.heap_object == object.id ? lab::kNoObject : object.id;
        ImGui::SameLine();
        ImGui::PushFont(GetCodeFont());
        ImGui::TextUnformatted(object.repr.c_str());
        ImGui::PopFont();
        ImGui::Indent();
        SharedWith(snap, process, object);
        RecordItemRect("address/shared");
        ImGui::Unindent();
        ImGui::PopID();
    }
}

void StackRegions(const lab::LabSnapshot& snap, const lab::ProcessView& process, LabSelection& sel,
                  machine::ThreadId open_thread) {
    for (int32_t id : process.threads) {
        const lab::ThreadView* thread = FindThread(snap, id);
        if (!thread)
            continue;
        ImGui::PushID(id);
        if (id == open_thread)
            ImGui::SetNextItemOpen(true);
        ImGui::PushStyleColor(ImGuiCol_Text, ThreadColor(id));
        ImGui::Bullet();
        ImGui::PopStyleColor();
        ImGui::SameLine();
        const ImGuiTreeNodeFlags flags = id == sel.thread ? ImGuiTreeNodeFlags_Selected : 0;
        const bool open = thread->frames.size() == 1
                              ? ImGui::TreeNodeEx("stack", flags, Tr(Str::AddrStackNodeOne), thread->name.c_str(), id,
                                                  StateName(thread->state))
                              : ImGui::TreeNodeEx("stack", flags, Tr(Str::AddrStackNodeMany), thread->name.c_str(), id,
                                                  thread->frames.size(), StateName(thread->state));
        if (ImGui::IsItemClicked())
            sel.thread = id;
        if (open) {
            if (thread->frames.empty())
                ImGui::TextDisabled("%s", Tr(thread->state == machine::ThreadState::New ? Str::AddrNotStarted
                                                                                     : Str::AddrFinished));
            ShowStackFrames(*thread, sel);
            for (const ThreadLocalEntry& entry : ThreadLocalsOf(process, id)) {
                ImGui::TextDisabled(Tr(Str::AddrThreadLocal), entry.local->type.c_str(), entry.local->id);
                ImGui::SameLine();
                ImGui::PushFont(GetCodeFont());
                ThreadLocalAttributes(*entry.attributes);
                ImGui::PopFont();
            }
            ImGui::TreePop();
        }
        ImGui::PopID();
    }
}

} // namespace

// ---------------------------------------------------------------------------------------------
// Window
// ---------------------------------------------------------------------------------------------

void ShowAddressSpaceWindow(bool* open, const lab::LabSnapshot& snap, LabSelection& sel,
                            AddressSpaceWindowState& state) {
    const float em = ImGui::GetFontSize();
    SetNextWindowDefaultPlace(LabWindow::AddressSpace);
    ImGui::SetNextWindowSizeConstraints(ImVec2(24 * em, 10 * em), ImVec2(FLT_MAX, FLT_MAX));
    if (!ImGui::Begin(WindowTitle(Str::TitleAddressSpace), open)) {
        ImGui::End();
        return;
    }
    RecordWindowRect("window/Address space");
    const lab::ProcessView* process = FindProcess(snap, state.process);
    if (!process && !snap.processes.empty())
        process = &snap.processes.front();
    if (!process) {
        ImGui::TextDisabled("%s", Tr(Str::AddrNoProcess));
        ImGui::End();
        return;
    }
    state.process = process->id;
    if (snap.processes.size() > 1) {
        for (const lab::ProcessView& p : snap.processes) {
            if (ImGui::RadioButton(p.name.c_str(), p.id == state.process))
                state.process = p.id;
            ImGui::SameLine();
        }
        ImGui::NewLine();
    }
    ImGui::Text(Tr(Str::AddrProcess), process->id, process->name.c_str());
    ImGui::SameLine();
    if (!process->gil_enabled)
        ImGui::TextDisabled("%s", Tr(Str::AddrFreeThreaded));
    else if (const lab::ThreadView* holder = FindThread(snap, process->gil_holder))
        ImGui::TextDisabled(Tr(Str::AddrGilHeldBy), holder->name.c_str());
    else
        ImGui::TextDisabled("%s", Tr(Str::AddrGilFree));

    // Every band is at least as wide as the longest region name, so that "text", "data", "heap"
    // and "stack" (lesson 1's words) are written in the map itself whenever they all fit.
    const float map_width = ImGui::GetContentRegionAvail().x;
    float widest_name = 0;
    for (RegionKind kind : {RegionKind::Text, RegionKind::Data, RegionKind::Heap, RegionKind::Stack})
        widest_name = std::max(widest_name, ImGui::CalcTextSize(RegionName(kind)).x);
    const float name_share = (widest_name + 2 * ImGui::GetStyle().FramePadding.x + 1) / std::max(map_width, 1.0f);
    if (state.regions_run != snap.run_id || state.regions_sequence != snap.sequence ||
        state.regions_process != process->id || state.regions_width != map_width ||
        state.regions_language != UiLanguage()) {
        CollectMemoryRegions(snap, *process, state.regions);
        LayoutMemoryMap(state.regions, std::max(kMinRegionShare, name_share));
        state.regions_run = snap.run_id;
        state.regions_sequence = snap.sequence;
        state.regions_process = process->id;
        state.regions_width = map_width;
        state.regions_language = UiLanguage();
    }
    const MemoryRegion* clicked = MemoryMap(snap, state, sel);
    MapLegend(snap, state.regions, map_width);
    machine::ThreadId open_stack = machine::kNoThread;
    if (clicked) {
        if (clicked->kind == RegionKind::Stack) {
            sel.thread = clicked->thread;
            open_stack = clicked->thread;
        }
    }

    ImGui::BeginChild("regions");
    // "Heap: 3 objects###heap": the count changes and so may the language, the identity stays.
    const auto section = [&](RegionKind kind, Str title, size_t count, const char* id, bool open_by_default) {
        char format[96], header[128];
        std::snprintf(format, sizeof format, "%s###%s", Tr(title), id);
        std::snprintf(header, sizeof header, format, count);
        if (clicked && clicked->kind == kind)
            ImGui::SetNextItemOpen(true);
        return ImGui::CollapsingHeader(header, open_by_default ? ImGuiTreeNodeFlags_DefaultOpen : 0);
    };
    if (section(RegionKind::Text, Str::AddrTextHeader, process->codes.size(), "text", false))
        TextRegion(*process);
    if (section(RegionKind::Data, Str::AddrDataHeader, process->globals.size(), "data", true))
        DataRegion(*process, sel);
    // Shared memory before the heap: a few rows that matter, above the long list of objects.
    size_t shared_objects = 0;
    for (const lab::HeapObjectView& object : process->heap)
        shared_objects += object.shared_slot >= 0 ? 1 : 0;
    if (shared_objects > 0 && section(RegionKind::Shared, Str::AddrSharedHeader, shared_objects, "shared", true))
        SharedRegion(snap, *process, sel);
    if (section(RegionKind::Heap, Str::AddrHeapHeader, process->heap.size(), "heap", true))
        HeapRegion(snap, *process, sel);
    if (section(RegionKind::Stack, Str::AddrStacksHeader, process->threads.size(), "stacks", true))
        StackRegions(snap, *process, sel, open_stack);
    ImGui::EndChild();
    ImGui::End();
}

} // namespace ui
