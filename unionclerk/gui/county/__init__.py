"""County staff's screens: the county summary (`screen.CountyWindow`) and the review of the
townships' reports (`review.ReviewWindow`)."""
