-- POST with no body; the Cookie header comes from wrk's -H option.
wrk.method = "POST"
