// Throughput of the temporal stage (tag + resolve) over >= 20 MB of real news text, and the cost
// of loading the lexicon (the CLI's start-up). Bytes/s are per CPU second of the benchmark thread
// (Google Benchmark's default), so a busy shared machine does not distort them; the wall-clock
// figure of the whole CLI comes from scripts/bench_chrono.sh.
//
// The text is assembled at run time from ../shared: the seed articles, the news-dev stories and
// the plain TEXT of the TempEval-3 training documents (each with its own DCT), repeated until it
// reaches 20 MB. Nothing of it is stored in the repository.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "corpus/timeml.h"
#include "resolve/annotate.h"
#include "tagger/lexicon.h"

namespace fs = std::filesystem;
using namespace annalist;

namespace {

constexpr std::size_t target_bytes = std::size_t{20} << 20;

struct article {
  std::string text;
  resolve::reference_time dct;
};

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::vector<fs::path> files_under(const fs::path& dir, std::string_view ext) {
  std::vector<fs::path> out;
  if (!fs::is_directory(dir)) return out;
  for (const auto& e : fs::recursive_directory_iterator(dir))
    if (e.is_regular_file() && e.path().extension() == ext) out.push_back(e.path());
  std::sort(out.begin(), out.end());
  return out;
}

resolve::reference_time day(int y, unsigned m, unsigned d) {
  return {time::local_minutes{date::local_days{date::year{y} / m / d}}, time::granularity::day};
}

resolve::annotate_options anchored_on(const resolve::reference_time& dct) {
  resolve::annotate_options o;
  o.dct = dct;
  return o;
}

// One pass over the sources: every article once.
std::vector<article> read_sources() {
  const fs::path shared = ANNALIST_SHARED_DIR;
  std::vector<article> out;
  // The seeds and news-dev stories are all from May 2021; the exact day matters little for
  // throughput, so one reference date stands for all of them.
  for (const auto& f : files_under(shared / "seeds", ".txt")) out.push_back({slurp(f), day(2021, 5, 19)});
  for (const auto& f : files_under(shared / "data/news-dev", ".txt"))
    out.push_back({slurp(f), day(2021, 5, 25)});
  for (const auto& f : files_under(shared / "data/tempeval3/train", ".tml")) {
    auto r = corpus::timeml::read(slurp(f), f.string());
    if (!r.doc) continue;
    const auto dct = corpus::timeml::parse_dct_value(r.doc->dct->value());
    if (!dct) continue;
    out.push_back({std::move(r.doc->text), {dct->local, dct->gran}});
  }
  return out;
}

// The articles repeated until they hold at least 20 MB; empty when ../shared is absent.
const std::vector<article>& news() {
  static const std::vector<article> all = [] {
    const auto once = read_sources();
    std::vector<article> out;
    std::size_t bytes = 0, once_bytes = 0;
    for (const auto& a : once) once_bytes += a.text.size();
    if (once_bytes == 0) return out;
    while (bytes < target_bytes)
      for (const auto& a : once) {
        out.push_back(a);
        bytes += a.text.size();
      }
    return out;
  }();
  return all;
}

const tagger::lexicon* lexicon() {
  static const auto loaded = tagger::lexicon::load(ANNALIST_LEXICON_DIR);
  return loaded.value.get();
}

void annotate_news(benchmark::State& state) {
  const auto& docs = news();
  if (docs.empty()) {
    state.SkipWithError("../shared is absent: no news text to tag");
    return;
  }
  const auto* lex = lexicon();
  if (!lex) {
    state.SkipWithError("the lexicon did not load");
    return;
  }
  std::size_t bytes = 0, found = 0;
  for (const auto& d : docs) bytes += d.text.size();
  for (auto _ : state) {
    found = 0;
    for (const auto& d : docs) {
      auto t = resolve::annotate(d.text, anchored_on(d.dct), *lex);
      found += t.size();
      benchmark::DoNotOptimize(t.data());
    }
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * bytes));
  state.counters["MB"] = static_cast<double>(bytes) / 1e6;
  state.counters["documents"] = static_cast<double>(docs.size());
  state.counters["timexes"] = static_cast<double>(found);
}
BENCHMARK(annotate_news)->Unit(benchmark::kMillisecond)->MinTime(2.0);

// The same text as one document: no per-call overhead, the narrative anchor spans everything.
void annotate_one_big_text(benchmark::State& state) {
  static const std::string big = [] {
    std::string s;
    for (const auto& d : news()) (s += d.text) += "\n\n";
    return s;
  }();
  const auto* lex = lexicon();
  if (big.empty() || !lex) {
    state.SkipWithError(big.empty() ? "../shared is absent" : "the lexicon did not load");
    return;
  }
  for (auto _ : state) {
    auto t = resolve::annotate(big, anchored_on(day(2021, 5, 19)), *lex);
    benchmark::DoNotOptimize(t.data());
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * big.size()));
}
BENCHMARK(annotate_one_big_text)->Unit(benchmark::kMillisecond)->MinTime(2.0);

// Start-up: reading and compiling every lexicon/en/*.toml.
void lexicon_load(benchmark::State& state) {
  for (auto _ : state) {
    auto l = tagger::lexicon::load(ANNALIST_LEXICON_DIR);
    if (!l.value) {
      state.SkipWithError("the lexicon did not load");
      return;
    }
    benchmark::DoNotOptimize(l.value.get());
  }
}
BENCHMARK(lexicon_load)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
