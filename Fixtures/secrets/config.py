"""Settings of the fake billing service (values are obviously fake)."""
import os

OPENAI_API_KEY = "sk-FakeOpenAi0123456789T3BlbkFJFakeOpenAi9876543210"
OPENAI_PROJECT_KEY = os.environ.get("OPENAI_PROJECT_KEY", "sk-proj-FakeProjectKey_ABCDGHIJLMNQRSUVWXYZ_bdfghilmnqsuvwxyz_0123456789-FakeProjeT3BlbkFJFakeProjectKey_9876543210-ABCDGHIJLMNQRSUVWXYZ_bdfghilmnqsuvwxyz_FakeProje")
ANTHROPIC_API_KEY = 'sk-ant-api03-FakeAnthropicKey_0123456789-FakeAnthropicKey_0123456789-FakeAnthropicKey_0123456789-FakeAnthrAA'
HEROKU_API_KEY = "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d"
DATABASE_URL = "postgresql://billing:Fake-Pg-Pass-0123@db.prod.fake-corp.net:5432/billing"
DEBUG = False
