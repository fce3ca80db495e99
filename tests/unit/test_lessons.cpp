// The lessons' claims: each lesson's program, run by the engine with the lesson's settings (and
// with each try-this step's), gives what its text promises, and each prediction's right answer
// is the one that run computes. Plus: every lesson is complete in both languages.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>

#include "config/baseline.h"
#include "config/permalink.h"
#include "explore/explore.h"
#include "lessons/lessons.h"
#include "python/python_machine.h"
#include "ui/lesson_model.h"

namespace {

using lessons::Lesson;
using lessons::RunFacts;

// One run of `source` to its end (or to a deadlock); its wall time and whether it deadlocked.
struct EngineRun {
    RunFacts facts;
    machine::SimTime wall = 0;
};

EngineRun run_source(const std::string& source, const machine::MachineConfig& machine)
{
    EngineRun result;
    python::PythonRun run(machine);
    REQUIRE_FALSE(run.start(source, "<lesson>").has_value());
    machine::RunStatus status = run.run(machine::kNever, 500'000'000);
    REQUIRE((status == machine::RunStatus::Finished || status == machine::RunStatus::Deadlock));
    const machine::Machine& m = run.machine();
    const machine::TraceStats& stats = m.trace().stats();
    result.wall = m.now();
    result.facts.wall_seconds = double(m.now()) / double(machine::kSecond);
    result.facts.threads = int64_t(m.thread_count());
    result.facts.processes = int64_t(m.process_count());
    result.facts.context_switches = stats.context_switches;
    result.facts.deadlocked = status == machine::RunStatus::Deadlock;
    REQUIRE(m.trace().output_first() == 0);
    for (uint64_t i = 0; i < m.trace().output_count(); i++) {
        const machine::OutputLine& line = m.trace().output(i);
        result.facts.output.push_back({double(line.time) / double(machine::kSecond), line.text});
    }
    return result;
}

// What the lab shows for `config`: its run, with the speedup against its one-thread baseline.
RunFacts run_config(const config::LabConfig& config)
{
    EngineRun run = run_source(config::apply_sliders(config::program_source(config), config.sliders),
                               config::to_machine_config(config));
    if (std::optional<config::Baseline> baseline = config::speedup_baseline(config))
        run.facts.speedup = double(run_source(baseline->source, baseline->machine).wall) / double(run.wall);
    return run.facts;
}

const Lesson& lesson(std::string_view id)
{
    const Lesson* found = lessons::find(id);
    REQUIRE(found);
    return *found;
}

config::LabConfig lesson_config(std::string_view id, int step = 0)
{
    std::vector<std::string> problems;
    config::LabConfig c = lessons::lesson_config(lesson(id), step, config::LabConfig{}, &problems);
    CHECK(problems.empty());
    return c;
}

RunFacts run_lesson(std::string_view id, int step = 0) { return run_config(lesson_config(id, step)); }

// The figure of `id`'s prediction `index`, measured on the run it is asked before.
double figure(std::string_view id, size_t index)
{
    const lessons::Prediction& p = lesson(id).predictions.at(index);
    std::optional<double> value = lessons::measure(p, run_lesson(id, p.step));
    REQUIRE(value.has_value());
    return *value;
}

int answer(std::string_view id, size_t index)
{
    const lessons::Prediction& p = lesson(id).predictions.at(index);
    return lessons::right_choice(p, figure(id, index), lesson_config(id, p.step));
}

bool output_has(const RunFacts& run, std::string_view text)
{
    for (const lessons::OutputLine& line : run.output)
        if (line.text.find(text) != std::string::npos)
            return true;
    return false;
}

} // namespace

TEST_CASE("there are the course's 18 lessons, each running a shipped example, complete in both languages") {
    REQUIRE(lessons::all().size() == 18);
    for (const Lesson& l : lessons::all()) {
        CAPTURE(l.id);
        CHECK(config::find_lesson(l.id));
        CHECK(lessons::index_of(l.id) >= 0);
        CHECK_FALSE(l.title.en.empty());
        CHECK_FALSE(l.title.zh.empty());
        CHECK(l.paragraphs.size() >= 2);
        for (const lessons::Text& t : l.paragraphs) {
            CHECK_FALSE(t.en.empty());
            CHECK_FALSE(t.zh.empty());
        }
        CHECK(l.steps.size() >= 2);
        CHECK(l.steps.size() <= 4);
        for (size_t s = 0; s < l.steps.size(); s++) {
            const lessons::TryStep& step = l.steps[s];
            CHECK_FALSE(step.label.en.empty());
            CHECK_FALSE(step.label.zh.empty());
            CHECK_FALSE(step.look.en.empty());
            CHECK_FALSE(step.look.zh.empty());
            // Each step changes the run, and its change is a valid setting of this lesson's program.
            config::LabConfig stepped = lesson_config(l.id, int(s) + 1);
            config::LabConfig plain = lesson_config(l.id);
            stepped.step = plain.step;
            CHECK_FALSE(stepped == plain);
        }
        for (std::string_view slider : l.sliders) {
            bool found = false;
            for (const config::ProgramSlider& s : config::find_sliders(config::find_lesson(l.id)->text))
                found = found || s.name == slider;
            CHECK_MESSAGE(found, slider);
        }
        REQUIRE_FALSE(l.predictions.empty());
        for (const lessons::Prediction& p : l.predictions) {
            CHECK_FALSE(p.question.en.empty());
            CHECK_FALSE(p.question.zh.empty());
            CHECK_FALSE(p.where.en.empty());
            CHECK_FALSE(p.where.zh.empty());
            CHECK(p.choices.size() >= 2);
            CHECK(p.choices.size() <= 4);
            CHECK(size_t(p.step) <= l.steps.size());
            for (const lessons::Choice& c : p.choices) {
                CHECK_FALSE(c.label.en.empty());
                CHECK_FALSE(c.label.zh.empty());
                CHECK(c.low < c.high);
            }
        }
    }
}

TEST_CASE("a lesson's config is its settings, then its step's change; the language is the viewer's") {
    config::LabConfig viewer;
    viewer.language = config::Language::Chinese;
    config::LabConfig gil = lessons::lesson_config(lesson("gil_mixed"), 1, viewer);
    CHECK(gil.lesson == "gil_mixed");
    CHECK(gil.sliders.at("IO_SHARE") == 0);
    CHECK_FALSE(gil.gil);
    CHECK(gil.step == 1);
    CHECK(gil.language == config::Language::Chinese);
    // The step is part of the permalink, and comes back from it.
    config::DecodeResult decoded = config::decode_fragment(config::encode_fragment(gil));
    CHECK(decoded.problems.empty());
    CHECK(decoded.config == gil);
    // A step that overrides the lesson's own setting wins.
    CHECK(lesson_config("thread_pool", 1).sliders.at("WORKERS") == 3);
    CHECK(lesson_config("thread_pool").sliders.at("WORKERS") == 1);
}

TEST_CASE("every prediction has exactly one right answer on the run it is asked before") {
    for (const Lesson& l : lessons::all()) {
        for (size_t i = 0; i < l.predictions.size(); i++) {
            CAPTURE(l.id);
            CAPTURE(i);
            const lessons::Prediction& p = l.predictions[i];
            double value = figure(l.id, i);
            int right = 0;
            double compared = lessons::compared_value(p, value, lesson_config(l.id, p.step));
            for (const lessons::Choice& c : p.choices)
                right += compared >= c.low && compared < c.high;
            CHECK(right == 1);
        }
    }
}

// --- Each lesson's claim --------------------------------------------------------------------------

TEST_CASE("lesson address_space: one process, a stack for each of its two threads") {
    RunFacts run = run_lesson("address_space");
    CHECK(run.processes == 1);
    CHECK(run.threads == 2);
    CHECK(answer("address_space", 0) == 1);
}

TEST_CASE("lesson two_processes: each child changes its own counter, the parent's stays 0") {
    RunFacts run = run_lesson("two_processes");
    CHECK(run.processes == 3);
    CHECK(output_has(run, "child 1 sees counter = 1"));
    CHECK(output_has(run, "parent sees counter = 0"));
    CHECK(answer("two_processes", 0) == 0);
    CHECK(run_lesson("two_processes", 1).processes == 5);
}

TEST_CASE("lesson concurrency: 4 threads on 1 CPU are no faster than one; on 4 CPUs about 4x") {
    CHECK(run_lesson("concurrency").speedup < 1.2);
    CHECK(run_lesson("concurrency", 1).speedup >= 3);
    double two = run_lesson("concurrency", 2).speedup;
    CHECK(two >= 1.6);
    CHECK(two < 2.5);
    CHECK(answer("concurrency", 0) == 0);
    CHECK(answer("concurrency", 1) == 2);
}

TEST_CASE("lesson thread_switch: two threads on one CPU are switched back and forth, more often with a "
          "shorter switch interval") {
    RunFacts run = run_lesson("thread_switch");
    CHECK(run.context_switches >= 4);
    CHECK(output_has(run, "both threads counted down from 100000"));
    CHECK(run_lesson("thread_switch", 1).context_switches < run.context_switches);
    CHECK(run_lesson("thread_switch", 3).context_switches > run.context_switches);
    CHECK(answer("thread_switch", 0) == 1);  // switched every switch interval: 4 to 30 times
}

TEST_CASE("lesson process_vs_thread: the threads' appends reach the main program's list, the processes' do not") {
    RunFacts run = run_lesson("process_vs_thread");
    CHECK(output_has(run, "the main program's list holds 4 items"));
    CHECK(run.processes == 5);
    CHECK(answer("process_vs_thread", 0) == 1);
    CHECK(output_has(run_lesson("process_vs_thread", 1), "holds 8 items"));
}

TEST_CASE("lesson process_vs_thread: a process costs many times a thread to start, and to switch to") {
    // The run times both kinds: each start is the machine's creation cost and a few bytecodes.
    const machine::MachineConfig costs;
    CHECK(costs.process_create_cost >= 10 * costs.thread_create_cost);
    CHECK(costs.process_switch_cost > 0);
    for (int step = 0; step <= 2; step++) {
        CAPTURE(step);
        const lessons::Prediction& p = lesson("process_vs_thread").predictions[1];
        std::optional<double> ratio = lessons::measure(p, run_lesson("process_vs_thread", step));
        REQUIRE(ratio);
        CHECK(*ratio > 5);
    }
    CHECK(answer("process_vs_thread", 1) == 2);
    // The costs side by side: the simulated ones from the machine, the real ones once measured.
    const config::LabConfig c = lesson_config("process_vs_thread");
    real::ProbeReport unmeasured;
    std::vector<ui::CostRow> rows = ui::CostRows(lesson("process_vs_thread"), c, unmeasured, config::Language::English);
    REQUIRE(rows.size() == 4);
    CHECK(rows[0].what == "create a thread");
    CHECK(rows[0].simulated == "50 µs");
    CHECK(rows[1].simulated == "1 ms");
    CHECK(rows[2].simulated == "2 µs");
    CHECK(rows[3].simulated == "6 µs");
    CHECK(rows[0].real.empty());       // not measured yet
    CHECK(rows[1].real == "—");        // a page starts no processes
    real::ProbeReport measured;
    measured.has_switch_cost = true;
    measured.switch_cost.thread_create_ns = {12'000, 10'000, 15'000};
    measured.switch_cost.thread_handoff_ns = {3'500, 3'000, 4'000};
    rows = ui::CostRows(lesson("process_vs_thread"), c, measured, config::Language::Chinese);
    CHECK(rows[0].what == "创建一个线程");
    CHECK(rows[0].real == "12.0 µs");
    CHECK(rows[2].real == "3.5 µs");
}

TEST_CASE("lesson coroutines: the tasks' sleeps overlap on one thread") {
    RunFacts run = run_lesson("coroutines");
    CHECK(run.threads == 1);
    CHECK(run.wall_seconds < 1.2);
    RunFacts many = run_lesson("coroutines", 1);
    CHECK(many.threads == 1);
    CHECK(many.wall_seconds < 1.2);
    CHECK(answer("coroutines", 0) == 0);
}

TEST_CASE("lesson coroutines: 1 000 coroutines take one thread and a handful of switches; 1 000 threads take "
          "a thousand stacks and thousands of switches") {
    RunFacts coroutines = run_lesson("coroutines", 3);
    RunFacts threads = run_lesson("coroutines", 4);
    CHECK(coroutines.threads == 1);
    CHECK(threads.threads == 1001);
    CHECK(coroutines.context_switches < 10);
    CHECK(threads.context_switches > 2000);
    // The same waiting either way: a second, and every task done.
    for (const RunFacts* run : {&coroutines, &threads}) {
        CHECK(run->wall_seconds < 1.2);
        CHECK(output_has(*run, "task 999: done"));
    }
    CHECK(answer("coroutines", 1) == 0);
    CHECK(answer("coroutines", 2) == 2);
    // Beside them, a fiber's switch and memory against a thread's, as the visitor's machine measured.
    real::ProbeReport measured;
    measured.has_switch_cost = measured.has_fibers = true;
    measured.switch_cost.fiber_switch_ns = {40, 35, 50};
    measured.fibers.count = 10'000;
    measured.fibers.bytes = 10'000 * 4'096;
    measured.fibers.thread_stack_bytes = 8 << 20;
    std::vector<ui::CostRow> rows =
        ui::CostRows(lesson("coroutines"), lesson_config("coroutines"), measured, config::Language::English);
    REQUIRE(rows.size() == 4);
    CHECK(rows[0].simulated == "—");
    CHECK(rows[0].real == "40 ns");
    CHECK(rows[1].simulated == "2 µs");
    CHECK(rows[2].real == "4.1 kB");
    CHECK(rows[3].real == "8.4 MB");
}

TEST_CASE("lesson gil_mixed: CPU-bound threads get no speedup with the GIL, >= 3 free-threaded, and I/O-bound "
          "threads do") {
    CHECK(run_lesson("gil_mixed").speedup < 1.2);
    CHECK(run_lesson("gil_mixed", 1).speedup >= 3);
    CHECK(run_lesson("gil_mixed", 2).speedup >= 3);
    CHECK(run_lesson("gil_mixed", 3).speedup < 1.2);
    CHECK(answer("gil_mixed", 0) == 0);
    CHECK(answer("gil_mixed", 1) == 2);
}

TEST_CASE("lesson first_thread: with join the main thread's line is last; without, the worker's") {
    RunFacts joined = run_lesson("first_thread");
    CHECK(joined.output.back().text.find("Main    : all done") != std::string::npos);
    RunFacts unjoined = run_lesson("first_thread", 1);
    CHECK(unjoined.output.back().text.find("Thread 1: finishing") != std::string::npos);
    CHECK(unjoined.wall_seconds >= 2.0);  // Python still waited for the thread
    CHECK(answer("first_thread", 0) == 1);
    CHECK(answer("first_thread", 1) == 0);
}

TEST_CASE("lesson thread_constructor: only unnamed threads use up a Thread-N number") {
    RunFacts run = run_lesson("thread_constructor");
    CHECK(output_has(run, "created greeter, daemon=False"));
    CHECK(output_has(run, "created Thread-1, daemon=False"));
    CHECK(output_has(run, "created Thread-2 (greet), daemon=True"));
    CHECK(output_has(run, "greeter: hello, lab"));
    CHECK(answer("thread_constructor", 0) == 1);
}

TEST_CASE("lesson daemon_thread: the daemon's finishing line is absent") {
    for (int step = 0; step <= 2; step++) {
        RunFacts run = run_lesson("daemon_thread", step);
        CHECK(output_has(run, "Thread 1: starting"));
        CHECK_FALSE(output_has(run, "finishing"));
        CHECK(run.wall_seconds < 1.0);
    }
    CHECK(answer("daemon_thread", 0) == 1);
}

TEST_CASE("lesson many_threads: started in order, each thread's lines in order") {
    RunFacts run = run_lesson("many_threads");
    CHECK(output_has(run, "Thread 2: finishing"));
    RunFacts six = run_lesson("many_threads", 1);
    CHECK(output_has(six, "Thread 5: finishing"));
    CHECK(answer("many_threads", 0) >= 0);
}

TEST_CASE("lesson thread_pool: one worker takes the three 2 s tasks in turn; three take them at once") {
    CHECK(run_lesson("thread_pool").wall_seconds >= 6.0);
    CHECK(run_lesson("thread_pool", 1).wall_seconds < 2.1);
    double two = run_lesson("thread_pool", 2).wall_seconds;
    CHECK(two >= 4.0);
    CHECK(two < 4.1);
    CHECK(answer("thread_pool", 0) == 2);
    CHECK(answer("thread_pool", 1) == 0);
}

TEST_CASE("lesson race: the ending value is below the expected one for the default seed") {
    const lessons::Prediction& p = lesson("race").predictions[0];
    std::optional<double> two = lessons::measure(p, run_lesson("race"));
    REQUIRE(two);
    CHECK(*two < 2);
    std::optional<double> five = lessons::measure(p, run_lesson("race", 1));
    REQUIRE(five);
    CHECK(*five < 5);
    CHECK(lessons::measure(p, run_lesson("race", 2)) == 1.0);  // alone, nothing is lost
    CHECK(*lessons::measure(p, run_lesson("race", 3)) < 2);
    CHECK(answer("race", 0) == 1);
}

TEST_CASE("lesson race_with_lock: no update lost, and the updates take turns") {
    const lessons::Prediction& p = lesson("race_with_lock").predictions[0];
    CHECK(lessons::measure(p, run_lesson("race_with_lock")) == 2.0);
    CHECK(lessons::measure(p, run_lesson("race_with_lock", 1)) == 5.0);
    CHECK(run_lesson("race_with_lock", 1).wall_seconds >= 0.5);
    CHECK(answer("race_with_lock", 0) == 0);
    CHECK(answer("race_with_lock", 1) == 1);
}

TEST_CASE("lesson race_hidden: every run the lesson shows counts right, yet one preemption loses an update") {
    const lessons::Prediction& p = lesson("race_hidden").predictions[0];
    CHECK(lessons::measure(p, run_lesson("race_hidden")) == 2.0);
    CHECK(lessons::measure(p, run_lesson("race_hidden", 1)) == 4.0);
    CHECK(lessons::measure(p, run_lesson("race_hidden", 2)) == 2.0);
    CHECK(lessons::measure(p, run_lesson("race_hidden", 3)) == 2.0);
    CHECK(answer("race_hidden", 0) == 0);
    // What the Explore window finds on the lesson's program: the lost update, at one preemption.
    const config::LabConfig c = lesson_config("race_hidden");
    const explore::ExploreResult r = explore::explore(config::apply_sliders(config::program_source(c), c.sliders),
                                                      "race_hidden.py", config::to_machine_config(c), {});
    CHECK(r.exhaustive);
    REQUIRE(r.outcomes.size() == 2);
    const auto lost = std::find_if(r.outcomes.begin(), r.outcomes.end(), [](const explore::Outcome& o) { return o.failing(); });
    REQUIRE(lost != r.outcomes.end());
    CHECK(lost->failure == "AssertionError: lost an update: counter is 1");
    CHECK(lost->preemptions == 1);
}

TEST_CASE("lesson deadlock: the run is reported deadlocked and never prints done") {
    for (int step = 0; step <= 2; step++) {
        RunFacts run = run_lesson("deadlock", step);
        CHECK(run.deadlocked);
        CHECK_FALSE(output_has(run, "done"));
    }
    CHECK(answer("deadlock", 0) == 1);
}

TEST_CASE("lesson producer_consumer: the fast producer fills the bounded queue; both threads stop on the event") {
    RunFacts run = run_lesson("producer_consumer");
    CHECK(output_has(run, "Producer received event. Exiting"));
    CHECK(output_has(run, "Consumer received event. Exiting"));
    CHECK(answer("producer_consumer", 0) == 2);
    const lessons::Prediction& p = lesson("producer_consumer").predictions[0];
    CHECK(lessons::measure(p, run_lesson("producer_consumer", 1)) == 1.0);
}

TEST_CASE("lesson sync_primitives: the semaphore holds the third worker, the barrier releases all at 1 s, the "
          "timer fires at 2 s") {
    RunFacts run = run_lesson("sync_primitives");
    CHECK(answer("sync_primitives", 0) == 1);
    bool fired = false;
    for (const lessons::OutputLine& line : run.output)
        if (line.text == "timer fired") {
            fired = true;
            CHECK(line.seconds == doctest::Approx(2.0).epsilon(0.01));
        }
    CHECK(fired);
    CHECK(run.output.back().text == "done");
}

// --- The UI's string table and the Lesson window's logic -------------------------------------------

#include "ui/lesson_model.h"
#include "ui/strings.h"

TEST_CASE("every UI string has both languages, and the table is in Str order") {
    REQUIRE(ui::AllStrings().size() == size_t(ui::Str::Count));
    for (size_t i = 0; i < ui::AllStrings().size(); i++) {
        const ui::StringRow& row = ui::AllStrings()[i];
        CAPTURE(row.en);
        CHECK(size_t(row.id) == i);
        CHECK(row.en[0] != '\0');
        CHECK(row.zh[0] != '\0');
    }
    CHECK(std::string(ui::Tr(ui::Str::MenuView, config::Language::Chinese)) == "视图");
    ui::SetUiLanguage(config::Language::Chinese);
    CHECK(std::string(ui::WindowTitle(ui::Str::TitleThreads)) == "线程###Threads");
    CHECK(std::string(ui::StateName(machine::ThreadState::Blocked)) == "阻塞");
    CHECK(std::string(ui::WaitName(machine::WaitKind::Children)) == "非守护线程");
    ui::SetUiLanguage(config::Language::English);
    CHECK(std::string(ui::WindowTitle(ui::Str::TitleThreads)) == "Threads###Threads");
    // In English, the machine's own words.
    for (int k = 0; k <= int(machine::WaitKind::Children); k++)
        CHECK(std::string(ui::WaitName(machine::WaitKind(k))) == machine::wait_kind_name(machine::WaitKind(k)));
    for (int k = 0; k <= int(machine::ThreadState::Terminated); k++)
        CHECK(std::string(ui::StateName(machine::ThreadState(k))) == machine::thread_state_name(machine::ThreadState(k)));
}

TEST_CASE("the Lesson window asks each step's predictions in turn, and the reveal quotes the run's own figure") {
    const int gil = lessons::index_of("gil_mixed");
    ui::LessonProgress progress;
    CHECK(&ui::ShownLesson(progress) == &lessons::all()[0]);  // a first visit shows lesson 1
    ui::StartLessonProgress(progress, gil);
    const Lesson& l = ui::ShownLesson(progress);
    CHECK(ui::PendingPrediction(l, progress, 0) == 0);
    CHECK(ui::PendingPrediction(l, progress, 1) == -1);  // "GIL off" asks nothing
    CHECK(ui::PendingPrediction(l, progress, 2) == 1);
    progress.predictions[0] = {true, false, 2};  // guessed "about 4x"
    CHECK(ui::PendingPrediction(l, progress, 0) == -1);

    config::LabConfig c = lesson_config("gil_mixed");
    lab::LabSnapshot snap;
    snap.phase = lab::RunPhase::Playing;
    CHECK(ui::RevealOf(l.predictions[0], progress.predictions[0], &snap, c, config::Language::English).kind ==
          ui::Reveal::Kind::Waiting);
    snap.phase = lab::RunPhase::Finished;
    CHECK(ui::RevealOf(l.predictions[0], progress.predictions[0], &snap, c, config::Language::English).kind ==
          ui::Reveal::Kind::Measuring);
    snap.stats.speedup = 0.987;
    ui::Reveal reveal = ui::RevealOf(l.predictions[0], progress.predictions[0], &snap, c, config::Language::English);
    CHECK(reveal.kind == ui::Reveal::Kind::Ready);
    CHECK(reveal.right == 0);
    CHECK_FALSE(reveal.correct);
    CHECK(reveal.figure_text == "a speedup of 0.99x over one thread");
    progress.predictions[0].chosen = 0;
    reveal = ui::RevealOf(l.predictions[0], progress.predictions[0], &snap, c, config::Language::Chinese);
    CHECK(reveal.correct);
    CHECK(reveal.figure_text == "相对单线程的加速比 0.99 倍");
}

TEST_CASE("a run's figures from the lab's snapshot, as the lesson measures them") {
    config::LabConfig race = lesson_config("race");
    lab::LabSnapshot snap;
    snap.phase = lab::RunPhase::Finished;
    snap.threads.resize(3);
    snap.output.push_back({machine::kSecond / 10, 0, true, "12:00:00: Testing update. Ending value is 1."});
    RunFacts facts = ui::RunFactsOf(snap, race);
    CHECK(facts.threads == 3);
    REQUIRE(facts.output.size() == 1);
    CHECK(facts.output[0].seconds == doctest::Approx(0.1));
    const lessons::Prediction& p = lesson("race").predictions[0];
    CHECK(lessons::measure(p, facts) == 1.0);
    CHECK(lessons::right_choice(p, 1.0, race) == 1);  // 1 of WORKERS = 2: updates were lost
    CHECK(ui::FigureText(p, 1.0, config::Language::English) == "1, in \"Ending value\"");
    // A run that is its own baseline (one worker) is as fast as one thread.
    config::LabConfig alone = lesson_config("concurrency");
    alone.sliders["THREADS"] = 1;
    CHECK(ui::RunFactsOf(snap, alone).speedup == 1.0);
}
