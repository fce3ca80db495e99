// The Output window: timestamps on the simulated clock, and what a click on a line does.
#include <doctest/doctest.h>

#include <string>

#include "ui/output_model.h"

using namespace ui;

TEST_CASE("output timestamps: seconds to the microsecond, in one column") {
    char buf[32];
    CHECK(std::string(FormatOutputTimestamp(buf, sizeof buf, 0)) == "   0.000000 s");
    CHECK(std::string(FormatOutputTimestamp(buf, sizeof buf, 1'250'000'999)) == "   1.250000 s");
    CHECK(std::string(FormatOutputTimestamp(buf, sizeof buf, 12 * machine::kSecond + 7 * machine::kMicrosecond)) ==
          "  12.000007 s");
}

TEST_CASE("clicking an output line selects its thread and asks the timeline for its moment") {
    lab::OutputLineView line;
    line.thread = 3;
    line.time = 2 * machine::kSecond;
    LabSelection sel;
    sel.heap_object = 7;
    SelectOutputLine(line, sel);
    CHECK(sel.thread == 3);
    CHECK(sel.timeline_time == 2 * machine::kSecond);
    CHECK(sel.heap_object == 7);

    CHECK(OutputLineShown(line, machine::kNoThread));
    CHECK(OutputLineShown(line, 3));
    CHECK_FALSE(OutputLineShown(line, 1));
}

TEST_CASE("logging's stderr lines are marked, not red; a traceback is red through its exception line") {
    ui::OutputLookReader reader;
    auto look = [&](int thread, bool is_stderr, const char* text) {
        return reader.next(lab::OutputLineView{0, thread, is_stderr, text});
    };
    CHECK(look(0, false, "hello") == ui::OutputLook::Stdout);
    CHECK(look(1, true, "12:00:00: Thread 1: starting") == ui::OutputLook::Stderr);
    CHECK(look(1, true, "Exception in thread Thread-1 (worker):") == ui::OutputLook::Error);
    CHECK(look(1, true, "Traceback (most recent call last):") == ui::OutputLook::Error);
    // Another thread's logging in the middle of thread 1's report is still ordinary.
    CHECK(look(2, true, "12:00:01: Thread 2: finishing") == ui::OutputLook::Stderr);
    CHECK(look(1, true, "  File \"<lesson>\", line 9, in worker") == ui::OutputLook::Error);
    CHECK(look(1, true, "    1 / 0") == ui::OutputLook::Error);
    CHECK(look(1, true, "ZeroDivisionError: division by zero") == ui::OutputLook::Error);
    CHECK(look(1, true, "12:00:02: Thread 1: after") == ui::OutputLook::Stderr);
}
