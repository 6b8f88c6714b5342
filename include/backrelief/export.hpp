#pragma once

/// @file
/// What the shared library exports: the public API alone; every other symbol stays hidden.

/// Marks a class or function of the public API as exported from libbackrelief.so.
#define BACKRELIEF_API __attribute__((visibility("default")))
