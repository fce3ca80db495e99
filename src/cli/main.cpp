// threadlab: the command-line front end. It reads files, prints, and keeps time; the engine
// does none of that. Commands are listed in options.cpp.
#include "cli/lab_link.h"
#include "cli/options.h"
#include "config/config.h"
#include "cli/probe.h"
#include "explore/explore.h"
#include "python/interpreter.h"
#include "machine/machine_bench.h"
#include "python/python_machine.h"
#include "machine/trace.h"
#include "lang/compiler.h"
#include "lang/parser.h"
#include "lessons/lessons.h"
#include "version.h"
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>

namespace {

// The host of the interpreter benchmark: one thread, output straight to the terminal.
struct TerminalHost : python::Host {
    uint64_t seed = 0;
    void write_stdout(std::string_view text) override { fwrite(text.data(), 1, text.size(), stdout); }
    void write_stderr(std::string_view text) override
    {
        fflush(stdout);
        fwrite(text.data(), 1, text.size(), stderr);
    }
    int64_t now_ns() override { return 0; }
    uint64_t random_u64() override
    {
        uint64_t z = (seed += 0x9e3779b97f4a7c15ULL);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
        return z ^ (z >> 31);
    }
};

void print_error(const std::string& text)
{
    fflush(stdout);
    fputs(text.c_str(), stderr);
}

// The source named by the command's one FILE argument, or an exit status for the failure.
int load_source(const cli::Options& options, std::string& source)
{
    if (options.arguments.size() != 1) {
        print_error("threadlab " + options.command + ": expected one FILE argument (try: threadlab help " + options.command + ")\n");
        return 2;
    }
    return cli::read_program_file(options.arguments[0], source);
}

// The simulated machine's settings from `run`'s options; false with `error` set on a bad value.
bool machine_config(const cli::Options& options, machine::MachineConfig& config, std::string& error)
{
    const auto duration = [&](const char* flag, machine::SimTime& out) {
        std::optional<machine::SimTime> parsed = machine::parse_duration(options.get(flag));
        if (!parsed)
            error = std::string(flag) + " wants a duration such as 250ns, 10us, 5ms or 1.5s, not '" + options.get(flag) + "'";
        else
            out = *parsed;
        return parsed.has_value();
    };
    config.cpus = (int)options.number("--cpus");
    if (config.cpus < 1 || config.cpus > machine::kMaxCpus) {
        error = "--cpus must be between 1 and " + std::to_string(machine::kMaxCpus);
        return false;
    }
    const std::string& gil = options.get("--gil");
    if (gil != "on" && gil != "off") {
        error = "--gil is on or off, not '" + gil + "'";
        return false;
    }
    config.gil = gil == "on";
    if (!machine::parse_policy(options.get("--policy"), config.scheduler.policy)) {
        error = "--policy is rr, fifo, priority or mlfq, not '" + options.get("--policy") + "'";
        return false;
    }
    std::optional<machine::LatencyDistribution> io = machine::parse_latency(options.get("--io-latency"));
    if (!io) {
        error = "--io-latency wants 2ms, uniform:1ms..9ms or exp:2ms, not '" + options.get("--io-latency") + "'";
        return false;
    }
    config.io_latency = *io;
    config.seed = std::strtoull(options.get("--seed").c_str(), nullptr, 10);
    std::optional<uint64_t> memory = config::parse_memory_size(options.get("--max-memory"));
    if (!memory || !config::kMaxMemoryRange.contains(machine::SimTime(*memory))) {
        error = "--max-memory wants a size from 1MiB to 4GiB such as 64MiB or 512KiB, not '" + options.get("--max-memory") + "'";
        return false;
    }
    config.max_memory = *memory;
    config.max_threads = (int)options.number("--max-threads");
    if (!config::kMaxThreadsRange.contains(config.max_threads)) {
        error = "--max-threads must be between 1 and " + std::to_string(config::kMaxThreadsRange.max);
        return false;
    }
    config.max_processes = (int)options.number("--max-processes");
    if (!config::kMaxProcessesRange.contains(config.max_processes)) {
        error = "--max-processes must be between 1 and " + std::to_string(config::kMaxProcessesRange.max);
        return false;
    }
    return duration("--slice", config.scheduler.slice) && duration("--switch-interval", config.switch_interval) &&
           duration("--bytecode-cost", config.bytecode_cost) && duration("--context-switch-cost", config.context_switch_cost) &&
           duration("--thread-create-cost", config.thread_create_cost) && duration("--max-time", config.max_time);
}

// Prints the output lines the run has produced since the last call, each to its stream.
void print_new_output(const machine::Trace& trace, uint64_t& printed)
{
    // Lines can leave the trace's ring before they are printed only if one chunk of the run
    // wrote more than the ring keeps: say so rather than skip them silently.
    if (printed < trace.output_first()) {
        fflush(stdout);
        print_error("threadlab: " + std::to_string(trace.output_first() - printed) + " output lines were dropped\n");
    }
    printed = std::max(printed, trace.output_first());
    for (; printed < trace.output_count(); ++printed) {
        const machine::OutputLine& line = trace.output(printed);
        std::string text = line.text + (line.newline ? "\n" : "");
        if (line.stream == machine::OutputStream::Stderr)
            print_error(text);
        else
            fwrite(text.data(), 1, text.size(), stdout);
    }
}

// The program of `run` or `explore` (FILE or --config) and the machine's settings from its
// flags; an exit status when either is wrong.
int load_program(cli::Options& options, config::LabConfig& lab, std::string& source, std::string& path,
                 machine::MachineConfig& config)
{
    if (int status = cli::load_run_program(options, lab, source, path))
        return status;
    std::string error;
    if (!machine_config(options, config, error)) {
        print_error("threadlab " + options.command + ": " + error + "\n");
        return 2;
    }
    return 0;
}

// Runs the program on the simulated machine, printing its output as it comes.
int command_run(const cli::Options& command_line)
{
    cli::Options options = command_line;
    config::LabConfig lab;
    std::string source, path, error;
    machine::MachineConfig config;
    if (int status = load_program(options, lab, source, path, config))
        return status;
    std::optional<machine::Schedule> schedule;
    if (!options.get("--schedule").empty()) {
        schedule = machine::parse_schedule(options.get("--schedule"), error);
        if (!schedule) {
            print_error("threadlab run: --schedule: " + error + "\n");
            return 2;
        }
        lab.schedule = *schedule;
    }
    if (options.flag("--link"))
        print_error("link: " + cli::run_link(lab, config) + "\n");
    python::PythonRun run(config);
    if (std::optional<lang::SourceError> syntax = run.start(source, path)) {
        print_error(lang::format_source_error(*syntax, path, source));
        return 1;
    }
    std::optional<machine::ScheduleReplay> replay;
    if (schedule) {
        replay.emplace(*schedule);
        run.machine().set_controller(&*replay);
    }
    const machine::Machine& machine = run.machine();
    const int64_t max_steps = options.number("--max-steps");
    uint64_t printed = 0;
    machine::RunStatus status = machine::RunStatus::Paused;
    // Small chunks, so that no output line leaves the trace's ring before it is printed.
    while (status == machine::RunStatus::Paused && machine.instructions() < max_steps) {
        status = run.run(machine::kNever, std::min<int64_t>(100000, max_steps - machine.instructions()));
        print_new_output(machine.trace(), printed);
    }
    fflush(stdout);
    int exit_status = run.exit_status();
    if (status == machine::RunStatus::Paused) {
        print_error("threadlab: stopped after " + std::to_string(machine.instructions()) + " instructions (--max-steps " +
                    std::to_string(max_steps) + "): the program may loop forever\n");
        exit_status = 3;
    } else if (status == machine::RunStatus::Deadlock) {
        print_error("threadlab: " + machine.describe_deadlock());
        exit_status = 3;
    } else if (status == machine::RunStatus::TimeLimit) {
        print_error("threadlab: stopped at the simulated time limit (--max-time " + options.get("--max-time") + ")\n");
        exit_status = 3;
    }
    if (replay && replay->missed() > 0)
        print_error("threadlab: warning: " + std::to_string(replay->missed()) +
                    " choice(s) of --schedule could not be made: it was made for another program or settings\n");
    if (options.flag("--stats"))
        print_error(machine.describe_stats());
    if (options.flag("--hash")) {
        char hash[40];
        snprintf(hash, sizeof hash, "trace hash: %016llx\n", (unsigned long long)machine.trace().hash());
        print_error(hash);
    }
    if (!options.get("--trace").empty()) {
        std::ofstream file(options.get("--trace"), std::ios::binary);
        file << machine::chrome_trace_json(machine.trace());
        if (!file) {
            print_error("threadlab: can't write '" + options.get("--trace") + "'\n");
            return 2;
        }
    }
    return exit_status;
}

// The course's lessons in order: number, id, title in --lang's language.
int command_lessons(const cli::Options& options)
{
    config::Language language = config::Language::English;
    if (!config::parse_language(options.get("--lang"), language)) {
        print_error("threadlab lessons: --lang is en or zh, not '" + options.get("--lang") + "'\n");
        return 2;
    }
    int number = 1;
    for (const lessons::Lesson& lesson : lessons::all()) {
        std::string_view title = lesson.title.in(language);
        printf("%2d  %-20.*s %.*s\n", number++, (int)lesson.id.size(), lesson.id.data(), (int)title.size(), title.data());
    }
    return 0;
}

double steady_seconds();

// Runs the program under its schedules and prints one line per outcome and the figures, or
// the JSON object. Exit status: 1 when an outcome fails, 0 when none does, 2 on bad input.
int command_explore(const cli::Options& command_line)
{
    cli::Options options = command_line;
    config::LabConfig lab;
    std::string source, path;
    machine::MachineConfig config;
    if (int status = load_program(options, lab, source, path, config))
        return status;
    explore::ExploreOptions search;
    search.preemptions = (int)options.number("--preemptions");
    search.max_schedules = options.number("--max-schedules");
    search.random_runs = options.number("--random");
    search.workers = (int)options.number("--workers");
    search.reduce = !options.flag("--no-reduction");
    search.max_steps = options.number("--max-run-steps");
    search.random_seed = config.seed;
    if (search.preemptions < 0 || search.max_schedules < 1 || search.random_runs < 0 || search.workers < 1 ||
        search.workers > 64 || search.max_steps < 1) {
        print_error("threadlab explore: --preemptions and --random want N >= 0, --max-schedules and --max-run-steps "
                    "N >= 1, --workers 1..64\n");
        return 2;
    }
    explore::ExploreResult result = explore::explore(source, path, config, search, nullptr, steady_seconds);
    if (!result.error.empty()) {
        print_error(result.error);
        return 2;
    }
    if (config.cpus > explore::kExplorerCpus) {
        const std::string explorer_cpus = std::to_string(explore::kExplorerCpus);
        print_error("threadlab explore: the schedules ran on " + explorer_cpus + " CPU, which makes every interleaving that " +
                    std::to_string(config.cpus) + " CPUs make; replay a witness with run --cpus " + explorer_cpus +
                    " --schedule S\n");
    }
    if (options.flag("--json")) {
        printf("%s\n", explore::result_json(result).c_str());
    } else {
        for (const explore::Outcome& outcome : result.outcomes) {
            printf("%s\n", explore::describe_outcome(outcome).c_str());
            for (const explore::PreemptionParts& preemption : outcome.preempted)
                printf("  %s\n", explore::word_preemption(preemption, explore::kWitnessEnglish).c_str());
            if (!outcome.detail.empty())
                printf("  %s", outcome.detail.substr(outcome.detail.find("wait-for cycle") == std::string::npos
                                                          ? 0 : outcome.detail.find("wait-for cycle")).c_str());
        }
        const double rate = result.seconds > 0 ? (double)result.schedules / result.seconds : 0;
        if (search.random_runs > 0)
            print_error(explore::outcome_histogram(result));
        printf("explored %lld schedules: %zu outcomes, %d failing\n", (long long)result.schedules,
               result.outcomes.size(), result.failing());
        print_error("figures: " + std::to_string(result.pruned) + " choices pruned by the reduction, " +
                    std::to_string((long long)rate) + " schedules/s, " +
                    (search.random_runs > 0 ? std::string("random mode")
                     : result.exhaustive ? "the space of at most " + std::to_string(search.preemptions) + " preemptions exhausted"
                                         : "stopped at --max-schedules: not exhausted") + "\n");
    }
    return result.failing() > 0 ? 1 : 0;
}

int command_dis(const cli::Options& options)
{
    std::string source;
    if (int status = load_source(options, source))
        return status;
    lang::CompileResult compiled = lang::compile_source(source, options.arguments[0]);
    if (compiled.error) {
        print_error(lang::format_source_error(*compiled.error, options.arguments[0], source));
        return 1;
    }
    fputs(lang::disassemble(*compiled.module).c_str(), stdout);
    return 0;
}

int command_ast(const cli::Options& options)
{
    std::string source;
    if (int status = load_source(options, source))
        return status;
    lang::ParseResult parsed = lang::parse_module(source);
    if (parsed.error) {
        print_error(lang::format_source_error(*parsed.error, options.arguments[0], source));
        return 1;
    }
    fputs(lang::dump_ast(*parsed.module).c_str(), stdout);
    return 0;
}

int64_t steady_clock_ns()
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

double steady_seconds()
{
    return (double)steady_clock_ns() / 1e9;
}

// The simulated machine's own overhead: scripted threads, whose instructions cost no real time.
void print_machine_bench()
{
    printf("machine: simulated instructions/s with scripted threads (locks, I/O, GIL hand-offs)\n");
    for (const machine::MachineBenchCase& setup : machine::standard_machine_bench_cases()) {
        machine::MachineBenchResult r = machine::run_machine_bench(setup, steady_clock_ns);
        printf("  %2d thread%s on %d CPU%s: %8.1f million instructions/s, %5.2f million trace events/s\n", setup.threads,
               setup.threads == 1 ? " " : "s",
               setup.cpus, setup.cpus == 1 ? " " : "s", r.instructions_per_second() / 1e6, r.events_per_second() / 1e6);
    }
}

// The interpreter's speed on the loop the performance budget names, then the machine's.
int command_bench(const cli::Options& options)
{
    int64_t count = options.number("--count");
    std::string source = "def count(n):\n    while n > 0:\n        n -= 1\n\ncount(" + std::to_string(count) + ")\n";
    TerminalHost host;
    python::Interpreter vm(host);
    python::LoadResult loaded = vm.load_main(source, "<bench>");
    if (loaded.error) {
        print_error(lang::format_source_error(*loaded.error, "<bench>", source));
        return 1;
    }
    auto start = std::chrono::steady_clock::now();
    uint64_t executed = 0;
    while (loaded.thread->state == python::ThreadState::Runnable)
        executed += vm.run(*loaded.thread, 10000000).executed;
    double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    printf("bench: count(%lld) ran %llu bytecodes in %.3f s: %.1f million bytecodes/s\n", (long long)count,
           (unsigned long long)executed, seconds, (double)executed / seconds / 1e6);
    print_machine_bench();
    return 0;
}

} // namespace

int main(int argc, char** argv)
{
    cli::Options options = cli::parse_command_line(argc, argv);
    if (!options.error.empty()) {
        print_error("threadlab: " + options.error + "\n");
        return 2;
    }
    if (options.command == "help") {
        std::string topic = options.arguments.empty() ? "" : options.arguments[0];
        std::string text = cli::help_text(topic);
        if (text.empty()) {
            print_error("threadlab: no command named '" + topic + "'\n");
            return 2;
        }
        fputs(text.c_str(), stdout);
        return 0;
    }
    if (options.command == "version") {
        printf("threadlab %s (commit %s)\n", THREADLAB_VERSION, THREADLAB_COMMIT);
        return 0;
    }
    if (options.command == "run") return command_run(options);
    if (options.command == "lessons") return command_lessons(options);
    if (options.command == "explore") return command_explore(options);
    if (options.command == "dis") return command_dis(options);
    if (options.command == "ast") return command_ast(options);
    if (options.command == "bench") return command_bench(options);
    if (options.command == "probe") return cli::command_probe(options);
    return 2;
}
