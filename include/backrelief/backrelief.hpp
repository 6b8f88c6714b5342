#pragma once

/// @file
/// The whole public API of backrelief: load rules once, then analyze descriptions and recommend
/// massage techniques for profiles, as data or as the JSON of backrelief(1).

#include <backrelief/analysis.hpp>
#include <backrelief/answer.hpp>
#include <backrelief/error.hpp>
#include <backrelief/export.hpp>
#include <backrelief/json_layout.hpp>
#include <backrelief/profile_input.hpp>
#include <backrelief/recommender.hpp>
#include <backrelief/referral_level.hpp>
#include <backrelief/version.hpp>
