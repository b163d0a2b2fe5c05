import fs from "node:fs";
import http from "node:http";

/** The physical limit of the same work: node:http sending the same bytes and headers, nothing else. */
const [file, portArg] = process.argv.slice(2);
const body = fs.readFileSync(file);
http
  .createServer((_req, res) => {
    res.writeHead(200, { "content-type": "text/html; charset=utf-8", "content-length": body.length });
    res.end(body);
  })
  .listen(Number(portArg), "127.0.0.1", () => console.log("ready"));
