#include "real/own_thread.h"

#include <pthread.h>

#ifdef __EMSCRIPTEN__
#include <emscripten.h>

// Asyncify keeps the runtime of a thread alive for each fiber it ever entered (a first entry is
// never "rewound", so its keepalive is never dropped), and such a thread would never end nor be
// joined. Its fibers are all done here: let it end as any thread does.
EM_JS(void, real_thread_may_exit, (), {
    runtimeKeepaliveCounter = 0;
    noExitRuntime = false;
});
#endif

namespace real {

namespace {

struct Call {
    void (*function)(void*);
    void* arg;
};

// A plain C entry: between it and the function there is no frame Asyncify cannot unwind.
void* thread_entry(void* opaque) {
    Call& call = *static_cast<Call*>(opaque);
    call.function(call.arg);
#ifdef __EMSCRIPTEN__
    real_thread_may_exit();
#endif
    return nullptr;
}

} // namespace

bool run_on_own_thread(void (*function)(void*), void* arg) {
    Call call{function, arg};
    pthread_t thread;
    if (pthread_create(&thread, nullptr, thread_entry, &call) != 0)
        return false;
    pthread_join(thread, nullptr);
    return true;
}

} // namespace real
