#include "cli/options.h"
#include <algorithm>
#include <cstdlib>

namespace cli {

const std::vector<CommandDef> kCommands = {
    {"run", "[FILE]", "run a Python program on the simulated machine and print its output, as python3 would"},
    {"lessons", "", "list the course's lessons, one a line: its number, its id (for run --lesson ID) and its title"},
    {"explore", "FILE", "run a program under every schedule that differs where it matters (at most --preemptions preemptions) and list its outcomes, each with its fewest-preemption schedule; exit 1 when one fails"},
    {"dis", "FILE", "show the bytecode of each code object, with line:col of every instruction"},
    {"ast", "FILE", "show the syntax tree of a program"},
    {"bench", "", "measure the interpreter (bytecodes per second of a CPU-bound loop) and the simulated machine"},
    {"probe", "", "measure this computer's real threads and fibers: parallel speedup, switch costs, 10 000 fibers, a real race"},
    {"version", "", "print the version and the commit it was built from"},
    {"help", "[COMMAND]", "list the commands, or the options of one command"},
};

// A program is stopped after --max-steps instructions: 200 million run in a few seconds
// natively and in well under a minute in a browser, far beyond what a lesson needs.
const std::vector<OptionDef> kOptions = {
    {"--max-steps", "N", "200000000", "run", "stop the program after N bytecode instructions (an infinite loop ends with exit status 3)"},
    {"--cpus", "N", "1", "run explore", "simulated CPUs (1..64)"},
    {"--gil", "on|off", "on", "run explore", "each process's Global Interpreter Lock; off: free-threaded"},
    {"--policy", "NAME", "rr", "run explore", "OS scheduler: rr (round robin), fifo, priority (preemptive), mlfq"},
    {"--slice", "TIME", "10ms", "run explore", "time slice of rr and priority, MLFQ's top-level quantum"},
    {"--switch-interval", "TIME", "5ms", "run explore", "how long a thread waits for the GIL before asking its holder to drop it"},
    {"--bytecode-cost", "TIME", "20ns", "run explore", "simulated time of one bytecode instruction"},
    {"--context-switch-cost", "TIME", "2us", "run explore", "simulated time of each switch of a CPU to a thread"},
    {"--thread-create-cost", "TIME", "50us", "run explore", "simulated time a thread spends creating another"},
    {"--io-latency", "DIST", "1ms", "run explore", "simulated I/O time: 2ms, uniform:1ms..9ms or exp:2ms"},
    {"--max-time", "TIME", "60s", "run explore", "stop the program at this simulated time (exit status 3)"},
    {"--seed", "N", "1", "run explore", "seed of the one random generator: same seed, same run"},
    {"--max-memory", "SIZE", "64MiB", "run explore", "the machine's memory, all its processes' heaps together (1MiB..4GiB); past it the program gets MemoryError"},
    {"--max-threads", "N", "2000", "run explore", "live threads per process (1..100000); past it start() raises RuntimeError: can't start new thread"},
    {"--max-processes", "N", "32", "run explore", "processes a run may start, the first included (1..256); past it Process.start() raises BlockingIOError"},
    {"--stats", nullptr, "", "run", "print wall time, CPU utilisation, context switches and GIL hand-offs to stderr"},
    {"--hash", nullptr, "", "run", "print the 64-bit hash of the run's trace to stderr"},
    {"--trace", "FILE", "", "run", "write the trace as Chrome Trace Event JSON (open it in Perfetto)"},
    {"--config", "LINK", "", "run", "run a lab permalink (a URL or its #v=1&... part): its program, unless FILE is given, and its settings, unless given as flags"},
    {"--lesson", "ID", "", "run", "run a lesson's program with the lesson's settings (the ids: threadlab lessons); flags given go over them"},
    {"--link", nullptr, "", "run", "print the run's permalink to stderr"},
    {"--lang", "en|zh", "en", "lessons", "the language of the titles: en (English) or zh (简体中文)"},
    {"--set", "NAME=VALUE", "", "run explore", "give a program parameter (a `NAME = 4  # slider: 1..64` line) another value; repeatable", true},
    {"--schedule", "SCHEDULE", "", "run", "replay a schedule (STEP:THREAD,... as `threadlab explore` prints it): before each STEP-th instruction, THREAD runs"},
    {"--preemptions", "N", "2", "explore", "the most preemptions a schedule may make"},
    {"--max-schedules", "N", "20000", "explore", "stop after N schedules (the bounded space is then not exhausted)"},
    {"--random", "N", "0", "explore", "instead: run N random schedules (PCT: random priorities that change at random steps) and count each outcome"},
    {"--json", nullptr, "", "explore", "print one JSON object: schedules, exhaustive, pruned, outcomes"},
    {"--workers", "N", "1", "explore", "threads that run schedules (1..64); the result does not depend on it"},
    {"--no-reduction", nullptr, "", "explore", "try every choice point, not only where two threads touch the same object"},
    {"--max-run-steps", "N", "2000000", "explore", "stop each run after N instructions (it counts as the failure 'step limit')"},
    {"--count", "N", "20000000", "bench", "the loop counts down from N (about 9 instructions per step)"},
    {"--threads", "N", "0", "probe", "real threads: the speedup runs on 1..N, the race on N (at least 2); 0: one per core"},
    {"--repeats", "N", "5", "probe", "how many times each measurement is repeated (at least 3): the median and the spread are printed"},
    {"--json", nullptr, "", "probe", "print the figures as one JSON object"},
};

static const OptionDef* find_option(std::string_view flag, std::string_view command)
{
    for (const OptionDef& option : kOptions) {
        if (flag != option.flag)
            continue;
        std::string_view commands = option.commands;
        size_t at = commands.find(command);
        bool listed = at != std::string_view::npos && (at == 0 || commands[at - 1] == ' ') &&
                      (at + command.size() == commands.size() || commands[at + command.size()] == ' ');
        if (listed)
            return &option;
    }
    return nullptr;
}

static const CommandDef* find_command(std::string_view name)
{
    for (const CommandDef& command : kCommands)
        if (name == command.name)
            return &command;
    return nullptr;
}

const std::string& Options::get(std::string_view flag) const
{
    static const std::string kNone;
    auto it = values.find(std::string(flag));
    return it == values.end() ? kNone : it->second;
}

// A repeating option's values are kept in `values` one per line.
std::vector<std::string> Options::list(std::string_view flag) const
{
    std::vector<std::string> out;
    const std::string& text = get(flag);
    for (size_t start = 0; start < text.size();) {
        size_t end = std::min(text.find('\n', start), text.size());
        out.push_back(text.substr(start, end - start));
        start = end + 1;
    }
    return out;
}

int64_t Options::number(std::string_view flag) const
{
    return std::strtoll(get(flag).c_str(), nullptr, 10);
}

Options parse_command_line(int argc, char** argv)
{
    Options options;
    options.command = argc > 1 ? argv[1] : "help";
    if (options.command == "--help" || options.command == "-h")
        options.command = "help";
    if (options.command == "--version")
        options.command = "version";
    if (!find_command(options.command)) {
        options.error = "unknown command '" + options.command + "' (try: threadlab help)";
        return options;
    }
    for (const OptionDef& option : kOptions)
        if (find_option(option.flag, options.command))
            options.values[option.flag] = option.value_name ? option.default_value : "0";
    for (int i = 2; i < argc; i++) {
        std::string arg = argv[i];
        if (arg.size() < 2 || arg.compare(0, 2, "--") != 0) {
            options.arguments.push_back(arg);
            continue;
        }
        std::string flag = arg, value;
        size_t equals = arg.find('=');
        if (equals != std::string::npos) {
            flag = arg.substr(0, equals);
            value = arg.substr(equals + 1);
        }
        const OptionDef* option = find_option(flag, options.command);
        if (!option) {
            options.error = "unknown option " + flag + " for '" + options.command + "' (try: threadlab help " + options.command + ")";
            return options;
        }
        if (!option->value_name) {
            options.values[flag] = "1";
            continue;
        }
        if (equals == std::string::npos) {
            if (i + 1 >= argc) {
                options.error = flag + " needs a value (" + option->value_name + ")";
                return options;
            }
            value = argv[++i];
        }
        std::string& stored = options.values[flag];
        stored = option->repeats && !stored.empty() ? stored + "\n" + value : value;
    }
    return options;
}

std::string help_text(std::string_view command)
{
    std::string out;
    if (command.empty()) {
        out += "usage: threadlab COMMAND [ARGUMENTS] [OPTIONS]\n\ncommands:\n";
        for (const CommandDef& c : kCommands) {
            std::string usage = std::string(c.name) + (c.arguments[0] ? std::string(" ") + c.arguments : "");
            out += "  " + usage + std::string(usage.size() < 18 ? 18 - usage.size() : 1, ' ') + c.help + "\n";
        }
        out += "\n`threadlab help COMMAND` lists the options of a command.\n";
        return out;
    }
    const CommandDef* c = find_command(command);
    if (!c)
        return "";
    out += "usage: threadlab " + std::string(c->name) + (c->arguments[0] ? std::string(" ") + c->arguments : "") + " [OPTIONS]\n";
    out += std::string(c->help) + "\n";
    bool any = false;
    for (const OptionDef& option : kOptions) {
        if (!find_option(option.flag, command))
            continue;
        if (!any)
            out += "\noptions:\n";
        any = true;
        std::string usage = std::string(option.flag) + (option.value_name ? std::string(" ") + option.value_name : "");
        out += "  " + usage + std::string(usage.size() < 22 ? 22 - usage.size() : 1, ' ') + option.help;
        if (option.value_name && option.default_value[0])
            out += std::string(" (default: ") + option.default_value + ")";
        out += "\n";
    }
    return out;
}

} // namespace cli
