#!/usr/bin/env python3
"""Time from saving a file to the first response that shows the change, for `strata serve` and
`hugo server` on copies of the same corpus, in one run. Run by bench/serve.sh (`make bench-serve`).

For each kind of edit (a profile's body, a profile's title checked on /projects/, a template) it
makes --edits edits one after another, each with a unique word, and polls the page over one
keep-alive connection until the word is in the response. Prints the medians, their ratios and the
servers' memory, and writes them to --json.
"""
import argparse, http.client, json, os, re, signal, statistics, subprocess, sys, time, uuid


def get(conn_box, port, path):
    for attempt in range(2):
        try:
            if conn_box[0] is None:
                conn_box[0] = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            conn_box[0].request("GET", path, headers={"Cache-Control": "no-cache"})
            response = conn_box[0].getresponse()
            return response.status, response.read().decode("utf-8", "replace")
        except (ConnectionError, http.client.HTTPException, OSError):
            if conn_box[0] is not None:
                conn_box[0].close()
            conn_box[0] = None
            if attempt:
                raise
    return None, ""


def wait_until(port, path, needle, limit):
    box = [None]
    start = time.monotonic()
    while True:
        try:
            status, body = get(box, port, path)
            if status == 200 and needle in body:
                return time.monotonic() - start
        except OSError:
            pass
        if time.monotonic() - start > limit:
            raise SystemExit(f"port {port}: {path} did not show {needle!r} within {limit:.0f} s")
        time.sleep(0.002)


class Server:
    def __init__(self, name, command, cwd, port, root):
        self.name, self.port, self.root = name, port, root
        self.log = open(os.path.join(os.path.dirname(root), f"{name}.log"), "w")
        self.process = subprocess.Popen(command, cwd=cwd, stdout=self.log, stderr=subprocess.STDOUT,
                                        start_new_session=True)

    def memory_mb(self):
        """Resident and peak resident memory of the server process, in MB."""
        values = {}
        with open(f"/proc/{self.process.pid}/status") as status:
            for line in status:
                if line.startswith(("VmRSS:", "VmHWM:")):
                    key, kb = line.split()[:2]
                    values[key.rstrip(":")] = int(kb) / 1024
        return values.get("VmRSS", 0), values.get("VmHWM", 0)

    def stop(self):
        try:
            os.killpg(self.process.pid, signal.SIGINT)
            self.process.wait(timeout=20)
        except (ProcessLookupError, subprocess.TimeoutExpired):
            os.killpg(self.process.pid, signal.SIGKILL)


def edit_file(path, pattern, replacement):
    with open(path, encoding="utf-8") as f:
        text = f.read()
    new, count = re.subn(pattern, replacement, text, count=1, flags=re.M)
    if not count:
        raise SystemExit(f"{path}: no match for {pattern!r}")
    # As an editor saves: write a temporary file beside it, then rename it over the original.
    temporary = os.path.join(os.path.dirname(path), "." + os.path.basename(path) + ".swp")
    with open(temporary, "w", encoding="utf-8") as f:
        f.write(new)
    os.replace(temporary, path)


def measure(server, kinds, edits, limit):
    results = {}
    for kind, (file, pattern, make, page) in kinds.items():
        times = []
        for i in range(edits):
            word = f"zq{uuid.uuid4().hex[:10]}"
            edit_file(os.path.join(server.root, file), pattern, make(word))
            times.append(wait_until(server.port, page, word, limit) * 1000)
            time.sleep(1.0)  # one save a second at most, as by hand
        results[kind] = {"median_ms": statistics.median(times), "runs_ms": [round(t, 1) for t in times]}
        print(f"  {server.name:7} {kind:9} median {statistics.median(times):8.1f} ms   "
              f"(min {min(times):.1f}, max {max(times):.1f}, n={len(times)})", flush=True)
    return results


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--strata", required=True, help="the strata binary")
    parser.add_argument("--strata-site", required=True)
    parser.add_argument("--hugo-site", required=True)
    parser.add_argument("--edits", type=int, default=10)
    parser.add_argument("--json", required=True)
    parser.add_argument("--limit", type=float, default=120, help="seconds an edit may take before giving up")
    args = parser.parse_args()

    # The same content edits on both sites; the template edit is each generator's own layout.
    content_kinds = {
        "body": ("content/projects/project-00001.md", r"^A cited claim\.(?: zq\w+)?",
                 lambda w: f"A cited claim. {w}", "/projects/project-00001/"),
        "title": ("content/projects/project-00002.md", r"^title: Project 00002.*$",
                  lambda w: f"title: Project 00002 {w}", "/projects/"),
    }
    strata_kinds = dict(content_kinds, template=(
        "templates/layout.mustache", r"(?:<p>zq\w+</p>)?</footer>",
        lambda w: f"<p>{w}</p></footer>", "/projects/project-00003/"))
    hugo_kinds = dict(content_kinds, template=(
        "layouts/_default/baseof.html", r"(?:<p>zq\w+</p>)?</body>",
        lambda w: f"<p>{w}</p></body>", "/projects/project-00003/"))
    results = {}
    for name in ("strata", "hugo"):
        if name == "strata":
            root = args.strata_site
            server = Server(name, [args.strata, "serve", "--root", root, "--port", "8931"], root, 8931, root)
            kinds = strata_kinds
        else:
            root = args.hugo_site
            server = Server(name, ["hugo", "server", "--port", "8932", "--bind", "127.0.0.1",
                                   "--baseURL", "http://127.0.0.1:8932/", "--appendPort=false"],
                            root, 8932, root)
            kinds = hugo_kinds
        try:
            start = time.monotonic()
            wait_until(server.port, "/projects/project-00001/", "Project 00001", 600)
            startup = time.monotonic() - start
            print(f"  {name:7} serving after {startup:.1f} s", flush=True)
            results[name] = measure(server, kinds, args.edits, args.limit)
            rss, peak = server.memory_mb()
            results[name]["memory"] = {"rss_mb": round(rss), "peak_mb": round(peak)}
            results[name]["startup_s"] = round(startup, 2)
            print(f"  {name:7} memory {rss:.0f} MB resident, {peak:.0f} MB at peak", flush=True)
        finally:
            server.stop()

    print("\n  edit       strata      hugo   hugo/strata")
    for kind in strata_kinds:
        s, h = results["strata"][kind]["median_ms"], results["hugo"][kind]["median_ms"]
        results.setdefault("ratios", {})[kind] = round(h / s, 2)
        print(f"  {kind:9} {s:7.0f} ms {h:7.0f} ms   {h / s:6.2f}x")
    s, h = results["strata"]["memory"]["peak_mb"], results["hugo"]["memory"]["peak_mb"]
    results["ratios"]["memory"] = round(s / h, 2)
    print(f"  memory    {s:7.0f} MB {h:7.0f} MB   strata/hugo {s / h:.2f}")
    with open(args.json, "w") as f:
        json.dump(results, f, indent=2)


if __name__ == "__main__":
    main()
