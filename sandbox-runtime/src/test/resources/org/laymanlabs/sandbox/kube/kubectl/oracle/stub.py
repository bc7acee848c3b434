# A tiny stand-in kube-apiserver for running the real kubectl 1.32 against fixed objects.
import json, os, sys, re, urllib.parse
from http.server import BaseHTTPRequestHandler, HTTPServer
RES = {
 "": [("pods","Pod",True,["po"]),("services","Service",True,["svc"]),("endpoints","Endpoints",True,["ep"]),("nodes","Node",False,["no"]),("namespaces","Namespace",False,["ns"]),("events","Event",True,["ev"]),("configmaps","ConfigMap",True,["cm"]),("secrets","Secret",True,[]),("serviceaccounts","ServiceAccount",True,["sa"]),("resourcequotas","ResourceQuota",True,["quota"]),("limitranges","LimitRange",True,["limits"])],
 "apps": [("deployments","Deployment",True,["deploy"]),("replicasets","ReplicaSet",True,["rs"]),("daemonsets","DaemonSet",True,["ds"])],
 "batch": [("jobs","Job",True,[])],
 "coordination.k8s.io": [("leases","Lease",True,[])],
 "discovery.k8s.io": [("endpointslices","EndpointSlice",True,[])],
 "networking.k8s.io": [("ingresses","Ingress",True,["ing"])],
}
CATS={"pods":["all"],"services":["all"],"deployments":["all"],"replicasets":["all"],"daemonsets":["all"],"jobs":["all"]}
objs = json.load(open(sys.argv[2]))
log = open(os.devnull, 'a')
def plural_of(o):
    for g, lst in RES.items():
        for p,k,n,s in lst:
            av = "v1" if g=="" else g+"/v1"
            if k==o["kind"] and av==o["apiVersion"]: return p
def reslist(g):
    return {"kind":"APIResourceList","apiVersion":"v1","groupVersion":"v1" if g=="" else g+"/v1","resources":[
        {"name":p,"singularName":k.lower(),"namespaced":n,"kind":k,"verbs":["create","delete","deletecollection","get","list","patch","update","watch"],"shortNames":s,**({"categories":CATS[p]} if p in CATS else {})} for p,k,n,s in RES[g]]}
def sel_match(o, ls, fs):
    labels=o["metadata"].get("labels",{}) or {}
    if ls:
        for part in ls.split(","):
            if "!=" in part:
                k,v=part.split("!=");
                if labels.get(k)==v: return False
            elif "=" in part:
                k,v=part.split("=",1)
                if labels.get(k)!=v.lstrip("="): return False
            elif part.startswith("!"):
                if part[1:] in labels: return False
            elif part not in labels: return False
    if fs:
        for part in fs.split(","):
            neg = "!=" in part
            k,v=part.split("!=" if neg else "=",1); v=v.lstrip("=")
            cur=o
            for seg in k.split("."):
                cur = cur.get(seg,"") if isinstance(cur,dict) else ""
            if (str(cur)!=v) != neg: return False
    return True
# OpenAPI v3 for kubectl explain, rebuilt from the sandbox's explain schema (EXPLAIN_SCHEMA) the
# way kube-apiserver publishes it: a field of another type is an allOf of one $ref beside its description.
GROUP_PKG = {"core": "io.k8s.api.core.v1", "apps": "io.k8s.api.apps.v1", "batch": "io.k8s.api.batch.v1",
             "coordination": "io.k8s.api.coordination.v1", "discovery": "io.k8s.api.discovery.v1",
             "networking": "io.k8s.api.networking.v1"}
def schema_name(id):
    g, n = id.split(".", 1)
    return GROUP_PKG[g] + "." + n
def field_schema(t, ref, defs):
    if t.startswith("[]"): return {"type": "array", "items": field_schema(t[2:], ref, defs)}
    if t.startswith("map[string]"): return {"type": "object", "additionalProperties": field_schema(t[11:], ref, defs)}
    if t in ("string", "integer", "boolean", "number"): return {"type": t}
    if t == "Object": return {"type": "object"}
    if t in ("IntOrString", "Quantity"): return {"allOf": [{"$ref": "#/components/schemas/opaque." + t}]}
    return {"allOf": [{"$ref": "#/components/schemas/" + schema_name(ref)}], "default": {}}
def openapi(group):
    defs = json.load(open(os.environ["EXPLAIN_SCHEMA"]))
    schemas = {"opaque.IntOrString": {"format": "int-or-string", "x-kubernetes-int-or-string": True},
               "opaque.Quantity": {"oneOf": [{"type": "string"}, {"type": "number"}]}}
    for id, d in defs.items():
        props = {}
        for name, p in d["properties"].items():
            f = field_schema(p["type"], p.get("ref"), defs)
            if "description" in p: f["description"] = p["description"]
            props[name] = f
        s = {"type": "object", "properties": props}
        if d.get("description"): s["description"] = d["description"]
        if d["required"]: s["required"] = d["required"]
        g = id.split(".")[0]
        for gg, lst in RES.items():
            for p, k, n, sn in lst:
                if k == d["name"] and (gg.split(".")[0] or "core") == g:
                    s["x-kubernetes-group-version-kind"] = [{"group": gg, "kind": k, "version": "v1"}]
        schemas[schema_name(id)] = s
    paths = {}
    for p, k, n, sn in RES[group]:
        prefix = "/api/v1" if group == "" else "/apis/" + group + "/v1"
        path = prefix + ("/namespaces/{namespace}/" if n else "/") + p
        paths[path] = {"get": {"x-kubernetes-group-version-kind": {"group": group, "kind": k, "version": "v1"}}}
    return {"openapi": "3.0.0", "info": {"title": "Kubernetes", "version": "v1.32.5"}, "paths": paths,
            "components": {"schemas": schemas}}
class H(BaseHTTPRequestHandler):
    def send(self, code, body, ctype="application/json"):
        b=json.dumps(body).encode()
        self.send_response(code); self.send_header("Content-Type",ctype); self.send_header("Content-Length",str(len(b))); self.end_headers(); self.wfile.write(b)
    def log_message(self,*a): pass
    def do_GET(self):
        global objs
        objs = json.load(open(sys.argv[2]))
        u=urllib.parse.urlparse(self.path); q=urllib.parse.parse_qs(u.query); path=u.path
        log.write("GET "+self.path+" "+self.headers.get("Accept","")+"\n"); log.flush()
        if path=="/api": return self.send(200,{"kind":"APIVersions","versions":["v1"],"serverAddressByClientCIDRs":[{"clientCIDR":"0.0.0.0/0","serverAddress":"10.0.0.1:6443"}]})
        if path=="/apis": return self.send(200,{"kind":"APIGroupList","apiVersion":"v1","groups":[{"name":g,"versions":[{"groupVersion":g+"/v1","version":"v1"}],"preferredVersion":{"groupVersion":g+"/v1","version":"v1"}} for g in RES if g]})
        if path=="/api/v1": return self.send(200,reslist(""))
        m=re.match(r"^/apis/([^/]+)/v1$",path)
        if m: return self.send(200,reslist(m.group(1)))
        if path=="/openapi/v3":
            return self.send(200,{"paths":{("api/v1" if g=="" else "apis/"+g+"/v1"):{"serverRelativeURL":"/openapi/v3/"+("api/v1" if g=="" else "apis/"+g+"/v1")+"?hash=0"} for g in RES}})
        m=re.match(r"^/openapi/v3/(?:api/v1|apis/([^/]+)/v1)$",path)
        if m: return self.send(200,openapi(m.group(1) or ""))
        if path=="/version": return self.send(200,{"major":"1","minor":"32","gitVersion":"v1.32.5","gitCommit":"x","gitTreeState":"clean","buildDate":"2025-05-15T08:00:00Z","goVersion":"go1.23.8","compiler":"gc","platform":"linux/amd64"})
        m=re.match(r"^/(?:api/v1|apis/([^/]+)/v1)(?:/namespaces/([^/]+))?/([^/]+)(?:/([^/]+))?$",path)
        if not m: return self.send(404,{"kind":"Status","apiVersion":"v1","status":"Failure","message":"the server could not find the requested resource","reason":"NotFound","code":404})
        g,ns,plural,name=m.groups(); g=g or ""
        if plural=="namespaces" and name is None and ns is not None: plural,name,ns="namespaces",ns,None
        kind=[k for p,k,n,s in RES.get(g,[]) if p==plural]
        items=[o for o in objs if plural_of(o)==plural and (ns is None or o["metadata"].get("namespace")==ns)]
        if name:
            f=[o for o in items if o["metadata"]["name"]==name]
            if f: return self.send(200,f[0])
            gr=plural+("."+g if g else "")
            return self.send(404,{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":'%s "%s" not found'%(gr,name),"reason":"NotFound","details":{"name":name,"kind":plural},"code":404})
        ls=q.get("labelSelector",[""])[0]; fs=q.get("fieldSelector",[""])[0]
        items=[o for o in items if sel_match(o,ls,fs)]
        self.send(200,{"kind":kind[0]+"List","apiVersion":"v1" if g=="" else g+"/v1","metadata":{"resourceVersion":"100"},"items":items})
def do_POST(self):
    n=int(self.headers.get("Content-Length","0")); body=json.loads(self.rfile.read(n) or b"{}")
    log.write("POST "+self.path+"\n"); log.flush()
    body.setdefault("metadata",{})["creationTimestamp"]="2026-01-01T00:00:00Z"
    self.send(201, body)
H.do_POST=do_POST
HTTPServer(("127.0.0.1",int(sys.argv[1])),H).serve_forever()
