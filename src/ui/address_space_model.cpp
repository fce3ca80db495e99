#include "ui/address_space_model.h"

#include <algorithm>

#include "ui/strings.h"
#include "ui/threads_model.h"

namespace ui {

void CollectMemoryRegions(const lab::LabSnapshot& snap, const lab::ProcessView& process,
                          std::vector<MemoryRegion>& regions) {
    regions.clear();
    uint64_t instructions = 0;
    for (const lab::CodeView& code : process.codes)
        instructions += code.instructions.size();
    uint64_t heap_bytes = 0;
    for (const lab::HeapObjectView& object : process.heap)
        heap_bytes += object.size_bytes;
    regions.push_back({RegionKind::Text, machine::kNoThread, instructions});
    regions.push_back({RegionKind::Data, machine::kNoThread, process.globals.size()});
    regions.push_back({RegionKind::Heap, machine::kNoThread, heap_bytes});
    uint64_t shared_values = 0;
    for (const lab::HeapObjectView& object : process.heap)
        if (object.shared_slot >= 0)
            shared_values += object.shared_count;
    if (shared_values > 0)
        regions.push_back({RegionKind::Shared, machine::kNoThread, shared_values});
    for (int32_t id : process.threads) {
        uint64_t entries = 0;
        if (const lab::ThreadView* thread = FindThread(snap, id))
            for (const lab::FrameView& frame : thread->frames)
                entries += 1 + frame.locals.size();
        regions.push_back({RegionKind::Stack, id, entries});
    }
}

void LayoutMemoryMap(std::vector<MemoryRegion>& regions, float min_share) {
    if (regions.empty())
        return;
    const float n = float(regions.size());
    if (min_share * n > 1.0f)
        min_share = 1.0f / n;
    // Regions whose proportional share would fall under the minimum are pinned to it; the rest
    // share what remains by weight. Pinning one can push another under, hence the loop (at most
    // one pass per region).
    std::vector<bool> pinned(regions.size(), false);
    std::vector<float> share(regions.size(), 0.0f);
    for (size_t pass = 0; pass <= regions.size(); ++pass) {
        float free_space = 1.0f;
        uint64_t free_weight = 0;
        for (size_t i = 0; i < regions.size(); ++i) {
            if (pinned[i])
                free_space -= min_share;
            else
                free_weight += regions[i].weight;
        }
        bool pinned_more = false;
        for (size_t i = 0; i < regions.size(); ++i) {
            if (pinned[i]) {
                share[i] = min_share;
                continue;
            }
            share[i] = free_weight == 0 ? 0.0f : free_space * float(regions[i].weight) / float(free_weight);
            if (share[i] < min_share) {
                pinned[i] = true;
                pinned_more = true;
            }
        }
        if (!pinned_more)
            break;
    }
    if (std::all_of(pinned.begin(), pinned.end(), [](bool p) { return p; }))
        std::fill(share.begin(), share.end(), 1.0f / n); // nothing outweighs anything: equal bands
    float x = 0.0f;
    for (size_t i = 0; i < regions.size(); ++i) {
        regions[i].start = x;
        x += share[i];
        regions[i].end = i + 1 == regions.size() ? 1.0f : x;
    }
}

const char* RegionName(RegionKind kind) {
    static constexpr Str kNames[] = {Str::RegionText, Str::RegionData, Str::RegionHeap, Str::RegionStack,
                                     Str::RegionShared};
    return Tr(kNames[size_t(kind)]);
}

std::vector<const lab::ProcessView*> ProcessesSharing(const lab::LabSnapshot& snap, const lab::ProcessView& process,
                                                      const lab::HeapObjectView& object) {
    std::vector<const lab::ProcessView*> sharing;
    if (object.shared_slot < 0)
        return sharing;
    const int64_t end = object.shared_slot + object.shared_count;
    for (const lab::ProcessView& other : snap.processes) {
        if (other.id == process.id)
            continue;
        for (const lab::HeapObjectView& theirs : other.heap)
            if (theirs.shared_slot >= 0 && theirs.shared_slot < end &&
                object.shared_slot < theirs.shared_slot + int64_t(theirs.shared_count)) {
                sharing.push_back(&other);
                break;
            }
    }
    return sharing;
}

std::vector<ThreadLocalEntry> ThreadLocalsOf(const lab::ProcessView& process, int32_t thread) {
    std::vector<ThreadLocalEntry> entries;
    for (const lab::HeapObjectView& object : process.heap)
        for (const lab::ThreadLocalView& view : object.per_thread)
            if (view.thread == thread && !view.attributes.empty())
                entries.push_back({&object, &view});
    return entries;
}

} // namespace ui
