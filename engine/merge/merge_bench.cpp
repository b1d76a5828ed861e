// Merge throughput: >= 100,000 event mentions in under 10 s on one core (issue 5).
//
//   build/engine/merge/merge_bench --benchmark_counters_tabular=true
//
// The mentions are real: extracted from samples/reykjavik-2021 (and the news-dev corpora in
// ../shared when present), then replicated as new documents with every date shifted by a few
// days per copy, so that copies collide on some days and the merge has real work to do.
#include <benchmark/benchmark.h>

#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include "corpus/ingest.h"
#include "events/extract.h"
#include "merge/merge.h"
#include "resolve/annotate.h"
#include "tagger/lexicon.h"

using namespace annalist;

namespace {

struct fixture {
  std::optional<events::lexicon> lex;
  std::vector<events::mention> base;
  std::uint32_t documents = 0;
};

const fixture& data() {
  static const fixture f = [] {
    fixture x;
    const std::string root = ANNALIST_SOURCE_DIR;
    diagnostics d;
    auto tlex = tagger::lexicon::load(root + "/lexicon/en");
    x.lex = events::lexicon::load(root + "/lexicon/en", d);
    if (!tlex.value || !x.lex) {
      for (const auto& e : tlex.diags) std::fprintf(stderr, "%s\n", e.to_string().c_str());
      for (const auto& e : d) std::fprintf(stderr, "%s\n", e.to_string().c_str());
      std::fprintf(stderr, "merge_bench: lexicons do not load\n");
      std::exit(2);
    }
    std::vector<std::string> dirs = {root + "/samples/reykjavik-2021"};
    for (const char* c : {"ryanair-minsk", "gaza-ceasefire"}) {
      const auto p = root + "/../shared/data/news-dev/" + c;
      if (std::filesystem::exists(p)) dirs.push_back(p);
      else std::fprintf(stderr, "merge_bench: %s absent, using the samples only\n", p.c_str());
    }
    for (const auto& dir : dirs) {
      auto c = corpus::load_corpus(dir, {}, d);
      if (!c) continue;
      const auto names = events::collect_names(c->documents, *x.lex);
      for (const auto& doc : c->documents) {
        resolve::annotate_options ao;
        if (doc.published.local) ao.dct = resolve::reference_time{*doc.published.local, doc.published.gran};
        auto ms = events::extract(doc, x.documents, resolve::annotate(doc.text, ao, *tlex.value),
                                  *x.lex, names);
        for (auto& m : ms) x.base.push_back(std::move(m));
        ++x.documents;
      }
    }
    return x;
  }();
  return f;
}

time::value shifted(const time::value& v, int days) {
  if (!v.span) return v;
  const auto day = date::floor<date::days>(v.span->start) + date::days{days};
  const date::year_month_day ymd{day};
  if (v.gran <= time::granularity::day) return time::value::of_day(ymd);
  if (v.gran <= time::granularity::month) return time::value::of_month(ymd.year() / ymd.month());
  if (v.gran == time::granularity::year) return time::value::of_year(ymd.year());
  return v;
}

/// `n` mentions: copies of the base corpus, copy k dated k*3 days later, as new documents.
std::vector<events::mention> generate(std::size_t n) {
  const auto& f = data();
  std::vector<events::mention> out;
  out.reserve(n);
  for (int copy = 0; out.size() < n; ++copy) {
    for (const auto& m : f.base) {
      if (out.size() == n) break;
      auto x = m;
      x.document = std::to_string(copy) + "/" + m.document;
      x.document_index = std::uint32_t(copy) * f.documents + m.document_index;
      if (x.time) x.time = shifted(*x.time, copy * 3);
      if (x.published) *x.published += date::days{copy * 3};
      out.push_back(std::move(x));
    }
  }
  return out;
}

void BM_merge(benchmark::State& state) {
  const auto mentions = generate(std::size_t(state.range(0)));
  const merge::options opts;
  std::size_t events = 0, candidates = 0;
  for (auto _ : state) {
    auto copy = mentions;
    auto r = merge::merge_mentions(std::move(copy), *data().lex, opts);
    events = r.events.size();
    candidates = r.candidates.size();
    benchmark::DoNotOptimize(r);
  }
  state.counters["mentions"] = double(mentions.size());
  state.counters["events"] = double(events);
  state.counters["candidates"] = double(candidates);
  state.counters["mentions/s"] =
      benchmark::Counter(double(mentions.size()), benchmark::Counter::kIsIterationInvariantRate);
}

BENCHMARK(BM_merge)->Arg(10000)->Arg(30000)->Arg(100000)->Unit(benchmark::kMillisecond)->Iterations(1);

}  // namespace

BENCHMARK_MAIN();
