#!/usr/bin/env python3
# Writes Fixtures/secrets: fake credentials (format-valid, built from repeated words so no value is live) in neutral
# file names, look-alikes that must stay quiet, and EXPECTED.tsv (file, line, kind of every credential).
#   python3 scripts/make-secret-fixtures.py Fixtures/secrets
import base64, os, json, sys
root = sys.argv[1]
def rep(word, n):
    return (word * (n // len(word) + 1))[:n]
def b64url(obj):
    return base64.urlsafe_b64encode(json.dumps(obj, separators=(",", ":")).encode()).decode().rstrip("=")
HEX = "0123456789abcdef"
ALNUM_FAKE = "FakeToken0123456789"
gh = "ghp_" + rep("FakeGitHubToken0123456789", 36)
aws_id = "AKIA" + rep("FAKEKEY0123456789", 16)
aws_secret = rep("FakeAwsSecretKey0123456789/+", 40)
openai_legacy = "sk-" + rep("FakeOpenAi0123456789", 20) + "T3BlbkFJ" + rep("FakeOpenAi9876543210", 20)
openai_proj = "sk-proj-" + rep("FakeProjectKey_ABCDGHIJLMNQRSUVWXYZ_bdfghilmnqsuvwxyz_0123456789-", 74) + "T3BlbkFJ" + rep("FakeProjectKey_9876543210-ABCDGHIJLMNQRSUVWXYZ_bdfghilmnqsuvwxyz_", 74)
anthropic = "sk-ant-api03-" + rep("FakeAnthropicKey_0123456789-", 93) + "AA"
google = "AIza" + rep("FakeGoogleApiKey_0123456789-", 35)
twilio_sk = "SK" + rep(HEX, 32)
twilio_ac = "AC" + rep("fedcba9876543210", 32)
twilio_auth = rep("0123456789abcdef", 32)
sendgrid = "SG." + rep("FakeSendGrid_0123456789", 22) + "." + rep("FakeSendGridSecret-0123456789", 43)
azure = rep("FakeAzureStorageAccountKey0123456789+/", 86) + "=="
vault_s = "hvs." + rep("FakeVaultServiceToken_0123456789-", 95)
vault_b = "hvb." + rep("FakeVaultBatchToken_0123456789-ADEFGIJKLMNPQRSUVWXYZ_bdfgijmpqrsvwxyz", 150)
do_pat = "dop_v1_" + rep(HEX, 64)
do_oauth = "doo_v1_" + rep("fedcba9876543210", 64)
shopify = "shpat_" + rep(HEX, 32)
shopify_ss = "shpss_" + rep("fedcba9876543210", 32)
heroku_uuid = "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d"
heroku_v2 = "HRKU-AA" + rep("FakeHerokuKey_0123456789-", 58)
jwt = ".".join([b64url({"alg": "HS256", "typ": "JWT"}), b64url({"sub": "fake-service", "name": "Fake Service", "iat": 1700000000}), rep("FakeSignature_0123456789-", 43)])
kube_key = base64.b64encode(("-----BEGIN " + "RSA PRIVATE KEY-----\n" + rep("FakeKubeClientKey0123456789", 64) + "\n-----END RSA PRIVATE KEY-----\n").encode()).decode()
kube_token = rep("FakeKubeBearerToken.0123456789-", 64)
docker_auth = base64.b64encode(b"fake-robot:FakeRegistryPass0123").decode()
json_pk = rep("FakeJsonPrivateKey0123456789+/ABCDGHILMNOQRSTUVWXYZbcdfghlmnopqsuvwxyz", 120)
slack = "xoxb-" + "123456789012-1234567890123-" + rep("FakeSlackBot0123456789", 24)
stripe = "sk_live_" + rep("FakeStripeLive0123456789", 24)
pem_body = "\n".join(rep("FakePemBody0123456789+/", 64) for _ in range(4))

files = {}
expected = []
def add(path, text, marks):
    files[path] = text
    lines = text.split("\n")
    for needle, kind in marks:
        hits = [i + 1 for i, l in enumerate(lines) if needle in l]
        assert len(hits) == 1, (path, needle, hits)
        expected.append((path, hits[0], kind))

add("config.py", f'''"""Settings of the fake billing service (values are obviously fake)."""
import os

OPENAI_API_KEY = "{openai_legacy}"
OPENAI_PROJECT_KEY = os.environ.get("OPENAI_PROJECT_KEY", "{openai_proj}")
ANTHROPIC_API_KEY = '{anthropic}'
HEROKU_API_KEY = "{heroku_uuid}"
DATABASE_URL = "postgresql://billing:Fake-Pg-Pass-0123@db.prod.fake-corp.net:5432/billing"
DEBUG = False
''', [("OPENAI_API_KEY =", "openAIKey"), ("OPENAI_PROJECT_KEY", "openAIKey"), ("ANTHROPIC", "anthropicKey"),
      ("HEROKU_API_KEY", "herokuAPIKey"), ("DATABASE_URL", "urlCredential")])

add("deploy.yml", f'''name: deploy
on: [push]
env:
  GOOGLE_MAPS_KEY: {google}
  TWILIO_API_KEY: {twilio_sk}
  SENDGRID_API_KEY: "{sendgrid}"
  VAULT_TOKEN: {vault_s}
  VAULT_BATCH_TOKEN: {vault_b}
jobs:
  release:
    runs-on: ubuntu-latest
    steps:
      - run: ./release.sh
''', [("GOOGLE_MAPS_KEY", "googleAPIKey"), ("TWILIO_API_KEY", "twilioAPIKey"), ("SENDGRID", "sendGridKey"),
      ("VAULT_TOKEN:", "vaultToken"), ("VAULT_BATCH_TOKEN", "vaultToken")])

add("settings.toml", f'''[storage]
connection_string = "DefaultEndpointsProtocol=https;AccountName=fakestorage;AccountKey={azure};EndpointSuffix=core.windows.net"

[twilio]
account_sid = "{twilio_ac}"
auth_token = "{twilio_auth}"

[cache]
url = "rediss://:Fake-Redis-Pass-0123@cache.prod.fake-corp.net:6380/0"
''', [("AccountKey=", "azureStorageKey"), ("account_sid", "twilioAccountCredentials"), ("rediss://", "urlCredential")])

add("app.json", f'''{{
  "name": "fake-shop",
  "shopify": {{ "adminToken": "{shopify}", "sharedSecret": "{shopify_ss}" }},
  "digitalocean": {{ "token": "{do_pat}", "oauth": "{do_oauth}" }},
  "session": {{ "serviceToken": "{jwt}" }},
  "heroku": {{ "apiKey": "{heroku_v2}" }}
}}
''', [("adminToken", "shopifyToken"), ("sharedSecret", "shopifyToken"), ('"token": "dop', "digitalOceanToken"),
      ('"oauth"', "digitalOceanToken"), ("serviceToken", "jsonWebToken"), ("apiKey", "herokuAPIKey")])

add("kubeconfig.yaml", f'''apiVersion: v1
kind: Config
clusters:
  - name: fake-cluster
    cluster:
      server: https://k8s.fake-corp.net:6443
users:
  - name: fake-admin
    user:
      client-key-data: {kube_key}
  - name: fake-robot
    user:
      token: {kube_token}
contexts:
  - name: fake
    context: {{ cluster: fake-cluster, user: fake-admin }}
current-context: fake
''', [("client-key-data", "kubeconfigCredential"), ("token:", "kubeconfigCredential")])

add("ci/registry.json", f'''{{
  "auths": {{
    "registry.fake-corp.net": {{ "auth": "{docker_auth}" }}
  }}
}}
''', [('"auth"', "dockerAuth")])

add("ci/login.conf", '''machine git.fake-corp.net
  login fake-robot
  password Fake-Netrc-Pass-0123

machine artifacts.fake-corp.net login ci password Fake-Artifacts-Pass-0123
''', [("machine git", "netrcPassword"), ("machine artifacts", "netrcPassword")])

add("keys/service.json", f'''{{
  "client_id": "fake-client",
  "private_key": "{json_pk}"
}}
''', [('"private_key"', "jsonPrivateKey")])

add(".pypirc", '''[distutils]
index-servers = internal

[internal]
repository = https://pypi.fake-corp.net/
username = fake-uploader
password = Fake-Upload-Pass-0123
''', [("password =", "configPassword")])

add(".env.production", f'''NODE_ENV=production
GITHUB_TOKEN={gh}
AWS_ACCESS_KEY_ID={aws_id}
AWS_SECRET_ACCESS_KEY={aws_secret}
SLACK_BOT_TOKEN={slack}
STRIPE_SECRET_KEY={stripe}
''', [("GITHUB_TOKEN", "gitHubToken"), ("AWS_ACCESS_KEY_ID", "awsAccessKeyID"),
      ("AWS_SECRET_ACCESS_KEY", "awsSecretAccessKey"), ("SLACK", "slackToken"), ("STRIPE", "stripeLiveKey")])

add("certs/tls.txt", "-----BEGIN " + "EC PRIVATE KEY-----\n" + pem_body + "\n-----END EC PRIVATE KEY-----\n",
    [("BEGIN", "privateKey")])

# ---- look-alikes: nothing here is a credential ----
supabase_anon = ".".join([b64url({"alg": "HS256", "typ": "JWT"}), b64url({"iss": "supabase", "role": "anon", "exp": 1900000000}), rep("FakeAnonSignature0123456789", 43)])
jwtio = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c"
files["docs/setup.md"] = f'''# Setting up the fake service

Put your keys in the environment, never in a file:

```sh
export OPENAI_API_KEY=sk-...
export OPENAI_API_KEY=sk-proj-<your-key-here>
export ANTHROPIC_API_KEY=${{ANTHROPIC_API_KEY}}
export GOOGLE_API_KEY=AIzaSyXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX
export TWILIO_API_KEY=SKxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx
export SENDGRID_API_KEY=SG.xxxxxxxxxxxxxxxxxxxxxx.xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx
export VAULT_TOKEN=hvs.your-vault-token-here
export DIGITALOCEAN_TOKEN=dop_v1_{'0' * 64}
export SHOPIFY_TOKEN=shpat_{'a' * 32}
export HEROKU_API_KEY=00000000-0000-0000-0000-000000000000
export HEROKU_API_KEY=$HEROKU_API_KEY
export AWS_ACCESS_KEY_ID=AKIA{"IOSFODNN7"}EXAMPLE
export AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCY{"EXAMPLE"}KEY
```

Database URLs look like `postgres://user:password@localhost:5432/app`,
`postgresql://${{DB_USER}}:${{DB_PASSWORD}}@db.fake-corp.net/app`, `mysql://root:root@mysql:3306/app`,
`mongodb://admin:<password>@cluster0.fake-corp.net`, `redis://:changeme@cache.fake-corp.net:6379`,
`amqp://guest:guest@rabbitmq:5672/`, `https://user:{{{{ .Password }}}}@git.fake-corp.net`,
`postgres://app:app@db.fake-corp.net/app` and `ftp://anonymous:%s@%s/`.
A connection through the local emulator:
`DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;`
The sample token of jwt.io is `{jwtio}`.
The public anon key of the fake Supabase project is `{supabase_anon}`.
In a `.netrc`: `machine api.github.com login me password $GITHUB_TOKEN`.
'''
files["src/payments_test.py"] = '''import stripe

# Test-mode and publishable keys are safe to commit.
stripe.api_key = "sk_test_''' + rep("FakeStripeTest0123456789", 24) + '''"
PUBLISHABLE = "pk_live_''' + rep("FakeStripePub0123456789", 24) + '''"
TWILIO_ACCOUNT_SID = "AC''' + rep("0123456789abcdef", 32) + '''"  # an account id, no auth token
HEROKU_APP_ID = "''' + heroku_uuid + '''"

def test_login(client):
    password = "hunter2"
    assert client.login(user="alice", password=password)
'''
files["checksums.txt"] = "\n".join([
    "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855  empty.txt",
    "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08  test.txt",
    "commit 1f0c2d3e4b5a69788796a5b4c3d2e1f0a9b8c7d6",
    "md5 d41d8cd98f00b204e9800998ecf8427e",
    "request-id 5f2b8c1e-9d3a-4e6f-8b7c-1a2d3e4f5a6b",
]) + "\n"
files["deps.json"] = '''{
  "node_modules/left-pad": {
    "version": "1.3.0",
    "resolved": "https://registry.npmjs.org/left-pad/-/left-pad-1.3.0.tgz",
    "integrity": "sha512-XI5MPzVNApjAyhQzphX8BkmKsKUxD4LdyK24iZeQ9Y35bQyg+RiuyUrPd3dHBIhQHWuOXr8bzeqjP6aH8ERbbw=="
  },
  "ids": ["0b6a4e9e-3f1c-4c8e-9a7d-2e5f6b7c8d9e", "7d1e2f3a-4b5c-6d7e-8f90-a1b2c3d4e5f6"]
}
'''
files["dist/app.min.js"] = '''!function(e){"use strict";var t="sk-",n=function(e){return e.scheme+"://"+e.user+":"+e.pass+"@"+e.host},r=/^eyJ[\\w-]+\\.eyJ[\\w-]+\\.[\\w-]+$/,o={AIza:1,SK:2,AC:3,"SG.":4,"hvs.":5,dop_v1_:6,shpat_:7,HRKU:8};e.fmt=function(a,b){return`${a.proto}://${a.login}:${b}@${a.server}`},e.tokenKey="token:",e.k=o,e.u=n,e.r=r}(window);
'''
files["assets/blob.b64"] = base64.b64encode(bytes(((i * 7919 + 13) % 251) for i in range(1500))).decode() + "\n"
files["kubeconfig-template.yaml"] = '''apiVersion: v1
kind: Config
users:
  - name: ci
    user:
      client-key-data: DATA+OMITTED
      token: REDACTED
  - name: dev
    user:
      token: <token>
      token: ${KUBE_TOKEN}
'''
files["docker-config.json"] = '''{
  "auths": {
    "https://index.docker.io/v1/": {},
    "ghcr.io": { "auth": "" },
    "registry.fake-corp.net": { "auth": "''' + base64.b64encode(b"user:password").decode() + '''" },
    "quay.io": { "auth": "''' + base64.b64encode(b"robot:${QUAY_TOKEN}").decode() + '''" }
  },
  "credsStore": "desktop"
}
'''
files["terraform.tfvars"] = '''gcp_project_id = "<project_id_here>"
memorystore = false
'''
files[".env"] = "# Expo dev server\nRCT_METRO_PORT=8081\n"
files["web/.env.production"] = "NEXT_PUBLIC_API_URL=https://api.fake-corp.net\nNEXT_PUBLIC_SITE_URL=https://www.fake-corp.net\n"
files[".npmrc"] = "legacy-peer-deps=true\nregistry=https://registry.npmjs.org/\n//npm.fake-corp.net/:_authToken=${NPM_TOKEN}\n"
files["settings.example.toml"] = '''[twilio]
account_sid = "ACxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
auth_token = "your_auth_token"
[storage]
connection_string = "DefaultEndpointsProtocol=https;AccountName=<name>;AccountKey=<key>;EndpointSuffix=core.windows.net"
'''

for path, text in files.items():
    full = os.path.join(root, path)
    os.makedirs(os.path.dirname(full), exist_ok=True)
    with open(full, "w") as f:
        f.write(text)
with open(os.path.join(root, "EXPECTED.tsv"), "w") as f:
    f.write("# file\tline\tkind (every credential in Fixtures/secrets; every other file holds look-alikes only)\n")
    for path, line, kind in sorted(expected):
        f.write(f"{path}\t{line}\t{kind}\n")
print(len(expected), "positives in", len({e[0] for e in expected}), "files;", len(files) - len({e[0] for e in expected}), "look-alike files")
