#pragma once

// The error types are the public API's own (include/backrelief/error.hpp): the core throws
// exactly what an embedding program catches.
#include <backrelief/error.hpp>
