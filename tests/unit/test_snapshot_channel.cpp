#include <doctest/doctest.h>

#include <atomic>
#include <thread>
#include <vector>

#include "lab/snapshot_channel.h"

namespace {
struct Frame {
    int sequence;
    std::vector<int> payload; // filled before publishing; a torn read would show mismatches
};
} // namespace

TEST_CASE("snapshot channel: empty until the first publish, then the latest") {
    SnapshotChannel<Frame> channel;
    uint64_t version = 99;
    CHECK(channel.latest(&version) == nullptr);
    CHECK(version == 0);
    channel.publish(std::make_shared<Frame>(Frame{1, {1}}));
    channel.publish(std::make_shared<Frame>(Frame{2, {2, 2}}));
    auto got = channel.latest(&version);
    REQUIRE(got != nullptr);
    CHECK(got->sequence == 2);
    CHECK(version == 2);
}

TEST_CASE("snapshot channel: a reader keeps its snapshot alive while the writer moves on") {
    SnapshotChannel<Frame> channel;
    channel.publish(std::make_shared<Frame>(Frame{1, {7, 7, 7}}));
    auto held = channel.latest();
    channel.publish(std::make_shared<Frame>(Frame{2, {}}));
    CHECK(held->sequence == 1);
    CHECK(held->payload == std::vector<int>{7, 7, 7});
}

TEST_CASE("snapshot channel: across threads, readers see whole snapshots in order") {
    SnapshotChannel<Frame> channel;
    constexpr int kSnapshots = 2000;
    std::atomic<bool> done{false};
    std::thread writer([&] {
        for (int i = 1; i <= kSnapshots; ++i)
            channel.publish(std::make_shared<Frame>(Frame{i, std::vector<int>(16, i)}));
        done = true;
    });
    int last_seen = 0;
    bool in_order = true, whole = true;
    while (!done || last_seen < kSnapshots) {
        auto s = channel.latest();
        if (!s)
            continue;
        in_order = in_order && s->sequence >= last_seen;
        for (int v : s->payload)
            whole = whole && v == s->sequence;
        last_seen = s->sequence;
    }
    writer.join();
    CHECK(in_order);
    CHECK(whole);
    CHECK(last_seen == kSnapshots);
}
