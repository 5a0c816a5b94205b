import stripe

# Test-mode and publishable keys are safe to commit.
stripe.api_key = "sk_test_FakeStripeTest0123456789"
PUBLISHABLE = "pk_live_FakeStripePub0123456789F"
TWILIO_ACCOUNT_SID = "AC0123456789abcdef0123456789abcdef"  # an account id, no auth token
HEROKU_APP_ID = "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d"

def test_login(client):
    password = "hunter2"
    assert client.login(user="alice", password=password)
